// Reopening in phases, each side its own lanes (narrowing the shutdown), with what still blocks the next phase: the
// sign-offs missing or to renew and the open critical items by side. Neither side reopens on its own.
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import type { ActiveShutdown, ChecklistItem, LaneId, Owner, PortStatus, Side } from '../../api/types';
import { DisabledReason, ErrorAlert } from '../../components/common';
import { pickText } from '../../i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useLive } from '../../live/LiveProvider';
import { canWrite } from '../../session/session';
import { useSignedIn } from '../../session/SessionProvider';
import { useWrite } from '../../state/DataProvider';
import { LanePicker, laneLabel, lanesOfSide } from './lanes';

type BlockingItem = Pick<ChecklistItem, 'id'> & { text?: { en?: string; es?: string }; owner?: Owner };

interface BlockingDetails {
  openCriticalItems?: BlockingItem[];
  missingSignOffs?: Side[];
  signOffsToRenew?: Side[];
}

const OWNERS: Owner[] = ['US', 'MX', 'JOINT'];

/** The sign-offs missing (or to renew) and the open critical items, grouped by the side that owns them. */
function Blockers({ items, missing, renew }: { items: BlockingItem[]; missing: Side[]; renew: Side[] }) {
  const { t, lang } = useI18n();
  return (
    <ul className="blockers">
      {missing.map((side) =>
        renew.includes(side) ? (
          <li key={side} data-blocker={`renew-${side}`}>
            <span aria-hidden="true">↻ </span>
            {t.signOffToRenew(t.side[side])}
          </li>
        ) : (
          <li key={side} data-blocker={`sign-off-${side}`}>
            <span aria-hidden="true">✎ </span>
            {t.missingSignOff(t.side[side])}
          </li>
        ),
      )}
      {OWNERS.map((owner) => {
        const group = items.filter((item) => (item.owner ?? 'JOINT') === owner);
        if (group.length === 0) return null;
        return (
          <li key={owner} data-blocker={`items-${owner}`}>
            <strong>{t.criticalOpenOf(t.owner[owner], group.length)}</strong>
            <ul className="blockers blockers-nested">
              {group.map((item) => (
                <li key={item.id}>
                  <span aria-hidden="true">▲ </span>
                  {t.openCriticalItem(pickText(item.text, lang).text || item.id, t.owner[owner])}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

export function Reopen({ port, shutdown }: { port: PortStatus; shutdown: ActiveShutdown }) {
  const { t, lang } = useI18n();
  const { user, token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const { reset } = write;
  // A refusal describes the port as it was: once the port changes (an item ticked, a side signed off), the readiness
  // panel above tells what still blocks, and the old refusal would only mislead.
  useEffect(() => reset(), [port.revision, reset]);
  const ownClosed = lanesOfSide(shutdown.closedLanes, user.country);
  const otherSide: Side = user.country === 'US' ? 'MX' : 'US';
  const otherClosed = lanesOfSide(shutdown.closedLanes, otherSide);
  const [chosen, setChosen] = useState<Set<LaneId>>(() => new Set(ownClosed));
  const lanes = ownClosed.filter((lane) => chosen.has(lane));
  const officer = canWrite(user);
  const { openCriticalItems, missingSignOffs, signOffsToRenew } = shutdown.blockers;
  const blocked = openCriticalItems.length > 0 || missingSignOffs.length > 0;
  const phase = shutdown.phases + 1;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (lanes.length === 0) return;
    void write
      .run('POST', `/api/ports/${port.id}/reopenings`, lanes.length === ownClosed.length ? {} : { lanes })
      .then((result) => {
        if (result) announce(`${t.reopened} ${lang === 'es' ? port.name.mx : port.name.us}`);
      });
  };
  const error: ApiError | undefined = write.error;
  const details = (error?.code === 'PORT.REOPENING_BLOCKED' ? error.details : {}) as BlockingDetails;

  return (
    <section className="card" aria-labelledby="reopen-heading">
      <h2 id="reopen-heading">{t.reopen}</h2>
      <div className="readiness" data-testid="reopen-readiness" data-ready={!blocked} data-phase={phase}>
        <h3>{blocked ? t.stillBlocking(phase) : t.nothingBlocking(phase)}</h3>
        {blocked ? <Blockers items={openCriticalItems} missing={missingSignOffs} renew={signOffsToRenew} /> : null}
      </div>
      {officer ? (
        <form onSubmit={onSubmit} data-testid="reopen-form" className="form">
          <p className="muted">{t.reopenIntro}</p>
          {ownClosed.length > 0 ? (
            <LanePicker
              legend={t.lanesToReopen}
              lanes={ownClosed}
              chosen={chosen}
              onChange={setChosen}
              name="reopen-lane"
            />
          ) : (
            <p>{t.noOwnLanesClosed}</p>
          )}
          {otherClosed.length > 0 ? (
            <p className="hint" data-testid="other-side-lanes">
              {t.otherSideLanes(t.side[otherSide], otherClosed.map((lane) => laneLabel(t, lane)).join(', '))}
            </p>
          ) : null}
          {error?.code === 'PORT.REOPENING_BLOCKED' ? (
            <div className="alert alert-error" role="alert" data-testid="reopen-blockers">
              <span className="alert-icon" aria-hidden="true">
                ✖
              </span>
              <div>
                {/* The items and sides below say what the API's sentence would, one per line. */}
                <p>
                  <strong>{t.reopenRefused}.</strong>
                </p>
                <Blockers
                  items={details.openCriticalItems ?? []}
                  missing={details.missingSignOffs ?? []}
                  renew={details.signOffsToRenew ?? []}
                />
              </div>
            </div>
          ) : error ? (
            <ErrorAlert error={error} />
          ) : null}
          <button type="submit" className="btn btn-primary" disabled={write.pending || lanes.length === 0}>
            {write.pending ? t.saving : t.submitReopen}
          </button>
        </form>
      ) : (
        <DisabledReason id="reopen-why">{t.readOnlyReason}</DisabledReason>
      )}
    </section>
  );
}
