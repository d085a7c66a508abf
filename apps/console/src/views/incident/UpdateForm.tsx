// The incident update form, decided per field: it sends only what the officer changed, with the value each field
// started from; the api saves it on the latest state unless someone changed one of those fields since. Then the
// officer's input stays and each such field shows both values side by side, to keep theirs or take the current one.
import { useState, type FormEvent } from 'react';
import type { Incident } from '../../api/types';
import { FormProblems, SeveritySelect, SubmitButton } from '../../components/common';
import { useI18n } from '../../i18n/I18nProvider';
import { useLive } from '../../live/LiveProvider';
import { useSignedIn } from '../../session/SessionProvider';
import { useWrite } from '../../state/DataProvider';
import {
  type Casualties,
  conflictsOf,
  draftOf,
  followIncident,
  settle,
  type UpdateDraft,
  type UpdateField,
  updateRequest,
  type UpdateValues,
  withConflicts,
} from './update-draft';

/** A whole number of people (the casualty fields), kept as typed until the form checks it. */
function CountField(props: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={0}
        inputMode="numeric"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

function Conflicts({
  draft,
  onSettle,
}: {
  draft: UpdateDraft;
  onSettle: (field: UpdateField, choice: 'mine' | 'theirs') => void;
}) {
  const { t } = useI18n();
  const shown = (field: UpdateField, value: unknown) => {
    if (field === 'severity') return t.severity[value as Incident['severity']] ?? String(value);
    const casualties = value as Casualties;
    return t.casualtiesValue(casualties.injured, casualties.fatalities);
  };
  if (draft.conflicts.length === 0) return null;
  return (
    <div className="update-conflicts" data-testid="update-conflicts">
      <h4>{t.incidentActions.conflictHeading}</h4>
      <p>{t.incidentActions.conflictIntro}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t.incidentActions.fieldColumn}</th>
            <th scope="col">{t.incidentActions.yours}</th>
            <th scope="col">{t.incidentActions.theirs}</th>
            <th scope="col">{t.incidentActions.choiceColumn}</th>
          </tr>
        </thead>
        <tbody>
          {draft.conflicts.map((conflict) => (
            <tr key={conflict.field} data-testid={`conflict-${conflict.field}`}>
              <th scope="row">{t.incidentActions.field[conflict.field]}</th>
              <td data-testid={`conflict-${conflict.field}-yours`}>{shown(conflict.field, conflict.yours)}</td>
              <td data-testid={`conflict-${conflict.field}-theirs`}>{shown(conflict.field, conflict.theirs)}</td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`${t.incidentActions.keepMine}: ${t.incidentActions.field[conflict.field]}`}
                  onClick={() => onSettle(conflict.field, 'mine')}
                >
                  {t.incidentActions.keepMine}
                </button>{' '}
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`${t.incidentActions.useTheirs}: ${t.incidentActions.field[conflict.field]}`}
                  onClick={() => onSettle(conflict.field, 'theirs')}
                >
                  {t.incidentActions.useTheirs}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function UpdateForm({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const { token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const [draft, setDraft] = useState<UpdateDraft>(() => draftOf(incident));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  // The incident changed on screen: untouched fields follow it, the officer's changes stay.
  const [seen, setSeen] = useState<UpdateValues>({ severity: incident.severity, casualties: incident.casualties });
  if (
    seen.severity !== incident.severity ||
    seen.casualties.injured !== incident.casualties.injured ||
    seen.casualties.fatalities !== incident.casualties.fatalities
  ) {
    const now = { severity: incident.severity, casualties: incident.casualties };
    setSeen(now);
    setDraft(followIncident(draft, now));
  }
  // Refused because someone changed a field this update changes: keep the input, show both values.
  const [seenError, setSeenError] = useState(write.error);
  if (seenError !== write.error) {
    setSeenError(write.error);
    const conflicts = conflictsOf(write.error);
    if (conflicts.length > 0) setDraft(withConflicts(draft, conflicts));
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const request = updateRequest(draft);
    if (!request.ok) {
      setProblem(
        request.problem === 'nothing-changed'
          ? t.nothingChanged
          : request.problem === 'choose'
            ? t.incidentActions.chooseEach((request.fields ?? []).map((f) => t.incidentActions.field[f]).join(', '))
            : t.fieldErrors,
      );
      return;
    }
    setProblem(undefined);
    void write.run('PATCH', `/api/incidents/${incident.incidentId}`, request.body).then((result) => {
      if (result) {
        setDraft(
          draftOf({
            severity: request.body.severity ?? draft.startedFrom.severity,
            casualties: request.body.casualties ?? draft.startedFrom.casualties,
          }),
        );
        announce(t.saved);
      }
    });
  };
  const onSettle = (field: UpdateField, choice: 'mine' | 'theirs') => {
    write.reset();
    setProblem(undefined);
    setDraft((current) => settle(current, field, choice));
  };
  return (
    <form className="form" onSubmit={onSubmit} data-testid="update-form">
      <h3>{t.updateIncident}</h3>
      <div className="form-row">
        <SeveritySelect
          id="update-severity"
          value={draft.severity}
          onChange={(value) => setDraft((current) => ({ ...current, severity: value }))}
        />
        <CountField
          id="update-injured"
          label={t.injured}
          value={draft.injured}
          onChange={(value) => setDraft((current) => ({ ...current, injured: value }))}
        />
        <CountField
          id="update-fatalities"
          label={t.fatalities}
          value={draft.fatalities}
          onChange={(value) => setDraft((current) => ({ ...current, fatalities: value }))}
        />
      </div>
      <FormProblems problem={problem} error={write.error} />
      <Conflicts draft={draft} onSettle={onSettle} />
      <SubmitButton pending={write.pending} label={t.submitUpdate} className="btn" />
    </form>
  );
}
