// The fields both planning forms share (a drill from a scenario, a notification drill): the drill clock's start and
// compression, and the participants as a planner enters them (accounts and their role in the drill), one row per
// account, added and removed. The api's refusals are shown next to the field, row or list they concern.
import { useState } from 'react';
import { DRILL_PARTICIPANT_ROLES, type DrillParticipantRole } from '../api/types';
import { ChoiceField } from '../components/common';
import { useI18n } from '../i18n/I18nProvider';
import { messagesOf } from './field-errors';
import { FieldError } from './FieldError';

export interface ParticipantInput {
  key: number;
  username: string;
  role: DrillParticipantRole;
}

/** The rows being edited, and the body's `participants` (usernames trimmed). */
export function useParticipants() {
  const [participants, setParticipants] = useState<ParticipantInput[]>([{ key: 0, username: '', role: 'player' }]);
  const [nextKey, setNextKey] = useState(1);
  const add = () => {
    setParticipants((list) => [...list, { key: nextKey, username: '', role: 'player' }]);
    setNextKey((key) => key + 1);
  };
  const remove = (key: number) => setParticipants((list) => list.filter((line) => line.key !== key));
  const change = (key: number, patch: Partial<ParticipantInput>) =>
    setParticipants((list) => list.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  const body = () => participants.map(({ username, role }) => ({ username: username.trim(), role }));
  return { participants, add, remove, change, body };
}

/** The api's messages about `field`, and the props that tie the field to them. */
export function describedBy(errors: Map<string, string[]>, field: string, id: string) {
  const messages = messagesOf(errors, field);
  return { messages, props: messages.length ? { 'aria-invalid': true, 'aria-describedby': id } : {} };
}

/** Drill time at the start of the clock (a wall-clock time in the zone the hint names; empty: now), and compression. */
export function StartAndRateFields({
  startsAt,
  onStartsAt,
  startsAtLabel,
  startsAtHint,
  rate,
  onRate,
  errors,
}: {
  startsAt: string;
  onStartsAt: (value: string) => void;
  startsAtLabel: string;
  startsAtHint: string;
  rate: string;
  onRate: (value: string) => void;
  errors: Map<string, string[]>;
}) {
  const { t } = useI18n();
  const startError = describedBy(errors, 'startsAt', 'plan-starts-error');
  const rateError = describedBy(errors, 'rate', 'plan-rate-error');
  return (
    <>
      <div className="field">
        <label htmlFor="plan-starts">{startsAtLabel}</label>
        <input
          id="plan-starts"
          type="datetime-local"
          value={startsAt}
          onChange={(event) => onStartsAt(event.target.value)}
          {...startError.props}
        />
        <p className="hint">{startsAtHint}</p>
        <FieldError id="plan-starts-error" messages={startError.messages} />
      </div>
      <div className="field">
        <label htmlFor="plan-rate">{t.drills.rate}</label>
        <input
          id="plan-rate"
          type="number"
          inputMode="numeric"
          min={1}
          max={120}
          step={1}
          value={rate}
          onChange={(event) => onRate(event.target.value)}
          {...rateError.props}
        />
        <p className="hint">{t.drills.rateHint}</p>
        <FieldError id="plan-rate-error" messages={rateError.messages} />
      </div>
    </>
  );
}

export function ParticipantsEditor({
  editor,
  errors,
}: {
  editor: ReturnType<typeof useParticipants>;
  /** The api's refusals by field (`fieldErrors`). */
  errors: Map<string, string[]>;
}) {
  const { t } = useI18n();
  const { participants } = editor;
  const listError =
    messagesOf(errors, 'participants').length &&
    !participants.some((_, i) => messagesOf(errors, `participants[${i}]`).length)
      ? messagesOf(errors, 'participants')
      : [];
  return (
    <fieldset>
      <legend>{t.drills.participants}</legend>
      {participants.map((participant, index) => {
        const messages = messagesOf(errors, `participants[${index}]`);
        const errorId = `plan-participant-${index}-error`;
        return (
          <div
            className="participant-row"
            key={participant.key}
            role="group"
            aria-label={t.drills.participant(index + 1)}
          >
            <div className="field">
              <label htmlFor={`participant-${index}-username`}>
                {t.drills.participantUsername} ({t.drills.participant(index + 1)})
              </label>
              <input
                id={`participant-${index}-username`}
                value={participant.username}
                autoComplete="off"
                onChange={(event) => editor.change(participant.key, { username: event.target.value })}
                {...(messages.length ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
              />
            </div>
            <ChoiceField
              id={`participant-${index}-role`}
              label={t.drills.participantRole}
              value={participant.role}
              values={DRILL_PARTICIPANT_ROLES}
              labelOf={(role) => t.participantRole[role]}
              onChange={(role) => editor.change(participant.key, { role })}
            />
            {participants.length > 1 ? (
              <button
                type="button"
                className="btn btn-small btn-quiet"
                aria-label={t.drills.removeParticipant(index + 1)}
                onClick={() => editor.remove(participant.key)}
              >
                ✕
              </button>
            ) : null}
            <FieldError id={errorId} messages={messages} />
          </div>
        );
      })}
      <FieldError id="plan-participants-error" messages={listError} />
      <button type="button" className="btn btn-small" onClick={editor.add}>
        {t.drills.addParticipant}
      </button>
    </fieldset>
  );
}
