// Closing an incident: what still keeps it open, in words, before the officer tries; the api's refusal (in words too)
// if it still does when they do; and the closing summary.
import { useState, type FormEvent } from 'react';
import { canClose, closingBlockersOf } from '@enlace/domain';
import type { Incident } from '../../api/types';
import { BilingualFields, FormProblems, SubmitButton } from '../../components/common';
import { bilingualInput } from '../../i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useLive } from '../../live/LiveProvider';
import { useSignedIn } from '../../session/SessionProvider';
import { useWrite } from '../../state/DataProvider';

/** What keeps the incident open, one sentence each, or that nothing does. */
export function ClosingBlockers({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const blockers = closingBlockersOf(incident);
  const byId = new Map(incident.protectiveActions.map((action) => [action.actionId, action]));
  if (canClose(blockers)) {
    return (
      <p className="muted" data-testid="closing-blockers" data-state="none">
        {t.incidentActions.nothingBlocks}
      </p>
    );
  }
  return (
    <div data-testid="closing-blockers" data-state="blocked">
      <p>{t.incidentActions.stillBlocking}</p>
      <ul>
        {blockers.jointResponseTeamActive ? (
          <li>
            {t.incidentActions.blockerJrt}
            {blockers.standDownAgreedBy.length > 0
              ? ` ${t.incidentActions.blockerJrtAgreed(blockers.standDownAgreedBy.map((side) => t.side[side]).join(', '))}`
              : ''}
          </li>
        ) : null}
        {blockers.protectiveActionsInForce.map((action) => (
          <li key={action.actionId}>
            {t.incidentActions.blockerAction(
              t.protectiveActionKind[action.kind],
              byId.get(action.actionId)?.radiusMeters ?? 0,
              t.side[action.side],
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CloseIncidentForm({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const { token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const [summary, setSummary] = useState({ en: '', es: '' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void write
      .run('POST', `/api/incidents/${incident.incidentId}/closure`, { summary: bilingualInput(summary.en, summary.es) })
      .then((result) => {
        if (result) announce(t.incidentActions.closedDone);
      });
  };
  return (
    <form className="form" onSubmit={onSubmit} data-testid="close-form">
      <ClosingBlockers incident={incident} />
      <BilingualFields
        label={t.incidentActions.closingSummary}
        value={summary}
        onChange={setSummary}
        multiline
        required
        name="closing-summary"
      />
      <FormProblems error={write.error} />
      <SubmitButton
        pending={write.pending}
        label={t.incidentActions.close}
        className="btn btn-danger"
        disabled={!(summary.en.trim() || summary.es.trim())}
      />
    </form>
  );
}
