// Planning a drill from a scenario (planners, admins): its title in both languages (the scenario's to start with),
// scenario time zero in the scenario's zone, the compression, and the participants (accounts; the api takes their
// side and agency from the directory). The api's refusals are shown next to the fields they concern.
import { useState, type FormEvent } from 'react';
import { DRILL_PARTICIPANT_ROLES, type DrillParticipantRole, type Scenario } from '../api/types';
import {
  BilingualFields,
  ChoiceField,
  FormProblems,
  Loadable,
  RolesOnlyPage,
  SubmitButton,
} from '../components/common';
import { useTitle } from '../components/hooks';
import { zonedTimeToIso } from '../drills/clock';
import { fieldErrors, messagesOf } from '../drills/field-errors';
import { FieldError } from '../drills/FieldError';
import { plainText } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { useRouter } from '../router/Router';
import { canPlanDrills } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { useResource, useWrite } from '../state/DataProvider';
import '../drills/drills.css';

interface ParticipantInput {
  key: number;
  username: string;
  role: DrillParticipantRole;
}

function PlanForm({ scenario }: { scenario: Scenario }) {
  const { t, lang } = useI18n();
  const { token } = useSignedIn();
  const { navigate } = useRouter();
  const { announce } = useLive();
  const write = useWrite(token);
  const [title, setTitle] = useState({ en: scenario.title.en, es: scenario.title.es });
  const [startsAt, setStartsAt] = useState('');
  const [rate, setRate] = useState('60');
  const [participants, setParticipants] = useState<ParticipantInput[]>([{ key: 0, username: '', role: 'player' }]);
  const [nextKey, setNextKey] = useState(1);
  const errors = fieldErrors(write.error, lang);
  const described = (field: string, id: string) => {
    const messages = messagesOf(errors, field);
    return { messages, props: messages.length ? { 'aria-invalid': true, 'aria-describedby': id } : {} };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const start = zonedTimeToIso(startsAt, scenario.timeZone);
    const result = await write.run('POST', '/api/drills', {
      scenarioId: scenario.id,
      title: { en: title.en.trim(), es: title.es.trim() },
      ...(start ? { startsAt: start } : {}),
      rate: rate.trim() === '' ? null : Number(rate),
      participants: participants.map(({ username, role }) => ({ username: username.trim(), role })),
    });
    if (result) {
      announce(t.drills.planned);
      navigate({ name: 'drill', drillId: result.id });
    }
  };

  const setParticipant = (key: number, change: Partial<ParticipantInput>) =>
    setParticipants((list) => list.map((line) => (line.key === key ? { ...line, ...change } : line)));

  const titleError = described('title', 'plan-title-error');
  const startError = described('startsAt', 'plan-starts-error');
  const rateError = described('rate', 'plan-rate-error');
  const listError =
    messagesOf(errors, 'participants').length &&
    !participants.some((_, i) => messagesOf(errors, `participants[${i}]`).length)
      ? messagesOf(errors, 'participants')
      : [];

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate data-testid="plan-drill-form">
      <p className="muted">{t.drills.planIntro(plainText(scenario.title, lang))}</p>
      <BilingualFields
        label={t.drills.drillTitle}
        name="drill-title"
        value={title}
        onChange={setTitle}
        required
        hint={t.drills.titleHint}
      />
      <FieldError id="plan-title-error" messages={titleError.messages} />
      <div className="field">
        <label htmlFor="plan-starts">{t.drills.startsAt}</label>
        <input
          id="plan-starts"
          type="datetime-local"
          value={startsAt}
          onChange={(event) => setStartsAt(event.target.value)}
          {...startError.props}
        />
        <p className="hint">{t.drills.startsAtHint(scenario.timeZone)}</p>
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
          onChange={(event) => setRate(event.target.value)}
          {...rateError.props}
        />
        <p className="hint">{t.drills.rateHint}</p>
        <FieldError id="plan-rate-error" messages={rateError.messages} />
      </div>
      <fieldset>
        <legend>{t.drills.participants}</legend>
        {participants.map((participant, index) => {
          const error = described(`participants[${index}]`, `plan-participant-${index}-error`);
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
                  onChange={(event) => setParticipant(participant.key, { username: event.target.value })}
                  {...error.props}
                />
              </div>
              <ChoiceField
                id={`participant-${index}-role`}
                label={t.drills.participantRole}
                value={participant.role}
                values={DRILL_PARTICIPANT_ROLES}
                labelOf={(role) => t.participantRole[role]}
                onChange={(role) => setParticipant(participant.key, { role })}
              />
              {participants.length > 1 ? (
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  aria-label={t.drills.removeParticipant(index + 1)}
                  onClick={() => setParticipants((list) => list.filter((line) => line.key !== participant.key))}
                >
                  ✕
                </button>
              ) : null}
              <FieldError id={`plan-participant-${index}-error`} messages={error.messages} />
            </div>
          );
        })}
        <FieldError id="plan-participants-error" messages={listError} />
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setParticipants((list) => [...list, { key: nextKey, username: '', role: 'player' }]);
            setNextKey((key) => key + 1);
          }}
        >
          {t.drills.addParticipant}
        </button>
      </fieldset>
      <FormProblems error={write.error} />
      <SubmitButton pending={write.pending} label={t.drills.submitPlan} className="btn btn-primary" />
    </form>
  );
}

export function PlanDrill({ scenarioId }: { scenarioId: string }) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  useTitle(t.drills.planTitle);
  const scenario = useResource<Scenario>(canPlanDrills(user) ? `/api/scenarios/${scenarioId}` : null);
  return (
    <RolesOnlyPage
      allowed={canPlanDrills(user)}
      id="plan-drill"
      title={t.drills.planTitle}
      intro=""
      whoMay={t.drills.readOnly}
    >
      <Loadable resource={scenario}>{(data) => <PlanForm scenario={data} />}</Loadable>
    </RolesOnlyPage>
  );
}
