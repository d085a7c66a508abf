// The Joint Contingency Plan steps of an incident, each side its own: its national centre notified and the
// counterpart centre (with the centre's report number and, when recorded after the fact, when it was done), the
// Joint Response Team (activated by either side, stood down by both), and each side's on-scene coordinator.
import { useState, type FormEvent } from 'react';
import type { Incident, Side } from '../../api/types';
import { FormProblems, LocalTime, SubmitButton } from '../../components/common';
import { useZones } from '../../components/hooks';
import { zonedTimeToIso } from '../../drills/clock';
import { useI18n } from '../../i18n/I18nProvider';
import { useLive } from '../../live/LiveProvider';
import { canWrite } from '../../session/session';
import { useSignedIn } from '../../session/SessionProvider';
import { useWrite } from '../../state/DataProvider';

const SIDES: Side[] = ['US', 'MX'];
const CENTER: Record<Side, 'NRC' | 'CENACOM'> = { US: 'NRC', MX: 'CENACOM' };
const other = (side: Side): Side => (side === 'US' ? 'MX' : 'US');

type StepPath = 'national-center-notifications' | 'counterpart-center-notifications';

interface StepDone {
  center: 'NRC' | 'CENACOM';
  at: string;
  reportNumber?: string;
  occurredAt?: string;
}

/** The form of a step: the centre's report number and, if it was done earlier, when (the port's local time). */
function RecordStepForm({ incident, side, path }: { incident: Incident; side: Side; path: StepPath }) {
  const { t } = useI18n();
  const { token } = useSignedIn();
  const { announce } = useLive();
  const zone = useZones().incident(incident);
  const write = useWrite(token);
  const [reportNumber, setReportNumber] = useState('');
  const [doneAt, setDoneAt] = useState('');
  // The centre that gives the number: the officer's own for its national centre, the other's for the counterpart.
  const center = path === 'national-center-notifications' ? CENTER[side] : CENTER[other(side)];
  const id = `${path}-${side}`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const occurredAt = doneAt ? zonedTimeToIso(doneAt, zone) : undefined;
    void write
      .run('POST', `/api/incidents/${incident.incidentId}/${path}`, {
        ...(reportNumber.trim() ? { reportNumber: reportNumber.trim() } : {}),
        ...(occurredAt ? { occurredAt } : {}),
      })
      .then((result) => {
        if (result) announce(t.incidentActions.stepRecorded);
      });
  };
  return (
    <form className="form jcp-form" onSubmit={onSubmit} data-testid={`jcp-form-${id}`}>
      <div className="jcp-fields">
        <div className="field">
          <label htmlFor={`${id}-number`}>{t.incidentActions.reportNumber[center]}</label>
          <input
            id={`${id}-number`}
            type="text"
            maxLength={100}
            value={reportNumber}
            onChange={(event) => setReportNumber(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-done-at`}>{t.incidentActions.doneEarlier}</label>
          <input
            id={`${id}-done-at`}
            type="datetime-local"
            aria-describedby={`${id}-done-at-hint`}
            value={doneAt}
            onChange={(event) => setDoneAt(event.target.value)}
          />
          <p className="hint" id={`${id}-done-at-hint`}>
            {t.incidentActions.doneEarlierHint(zone)}
          </p>
        </div>
      </div>
      <FormProblems error={write.error} />
      <SubmitButton pending={write.pending} label={t.recordStep} className="btn btn-small" />
    </form>
  );
}

/** When a step was done and recorded (both, when it was recorded after the fact), and the centre's number. */
function StepFacts({ done, zone }: { done: StepDone; zone: string }) {
  const { t } = useI18n();
  return (
    <div className="muted small">
      {done.occurredAt ? (
        <>
          {t.incidentActions.doneAt} <LocalTime iso={done.occurredAt} zone={zone} /> ·{' '}
          {t.incidentActions.recordedAt}{' '}
        </>
      ) : null}
      <LocalTime iso={done.at} zone={zone} />
      {done.reportNumber ? (
        <>
          {' '}
          · {t.incidentActions.reportNumberValue[done.center === 'CENACOM' ? 'CENACOM' : 'NRC']}{' '}
          <strong>{done.reportNumber}</strong>
        </>
      ) : null}
    </div>
  );
}

function CoordinatorForm({ incident, side, assigned }: { incident: Incident; side: Side; assigned: boolean }) {
  const { t } = useI18n();
  const { token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [agency, setAgency] = useState('');
  const [phone, setPhone] = useState('');
  const title = assigned
    ? t.incidentActions.changeCoordinator(t.side[side])
    : t.incidentActions.assignCoordinator(t.side[side]);
  if (!open) {
    return (
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
        {title}
      </button>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void write
      .run('POST', `/api/incidents/${incident.incidentId}/on-scene-coordinators`, {
        side,
        name: name.trim(),
        agency: agency.trim(),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
      })
      .then((result) => {
        if (result) {
          setOpen(false);
          setName('');
          setAgency('');
          setPhone('');
          announce(t.incidentActions.coordinatorAssigned);
        }
      });
  };
  const id = `osc-${side}`;
  return (
    <form className="form jcp-form" onSubmit={onSubmit} aria-label={title} data-testid={`osc-form-${side}`}>
      <div className="jcp-fields">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t.incidentActions.coordinatorName}</label>
          <input id={`${id}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-agency`}>{t.incidentActions.coordinatorAgency}</label>
          <input
            id={`${id}-agency`}
            required
            maxLength={100}
            value={agency}
            onChange={(e) => setAgency(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phone`}>{t.incidentActions.coordinatorPhone}</label>
          <input id={`${id}-phone`} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </div>
      </div>
      <FormProblems error={write.error} />
      <SubmitButton
        pending={write.pending}
        label={t.incidentActions.assign}
        className="btn btn-small"
        disabled={!name.trim() || !agency.trim()}
      />{' '}
      {assigned ? (
        <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
          {t.cancel}
        </button>
      ) : null}
    </form>
  );
}

function JointResponseTeam({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const { user, token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const officer = canWrite(user) && incident.status === 'open';
  const jrt = incident.jcp.jointResponseTeam;
  const agreed = incident.jcp.jointResponseTeamStandDown;
  const base = `/api/incidents/${incident.incidentId}/joint-response-team`;
  return (
    <li className={`jcp-step ${jrt === 'active' ? 'jcp-done' : 'jcp-pending'}`} data-testid="jcp-jrt" data-state={jrt}>
      <span className="jcp-mark" aria-hidden="true">
        {jrt === 'active' ? '✔' : '○'}
      </span>
      <div>
        {t.jointResponseTeam}: {t.jrtStatus[jrt]}
        {jrt === 'active'
          ? SIDES.filter((side) => agreed[side]).map((side) => (
              <div key={side} className="muted small">
                {t.jrtStandDown(t.side[side])}
              </div>
            ))
          : null}
        {officer && jrt !== 'active' ? (
          <div>
            <button
              type="button"
              className="btn btn-small"
              disabled={write.pending}
              onClick={() => void write.run('POST', `${base}/activation`, {})}
            >
              {t.activateJrt}
            </button>
          </div>
        ) : null}
        {officer && jrt === 'active' ? (
          agreed[user.country] ? (
            <div className="muted small">{t.incidentActions.standDownWaiting(t.side[other(user.country)])}</div>
          ) : (
            <div>
              <p className="hint">{t.incidentActions.standDownHint}</p>
              <button
                type="button"
                className="btn btn-small"
                disabled={write.pending}
                onClick={() =>
                  void write.run('POST', `${base}/deactivation`, {}).then((result) => {
                    if (result) announce(t.incidentActions.standDownAgreed);
                  })
                }
              >
                {t.incidentActions.standDown}
              </button>
            </div>
          )
        ) : null}
        <FormProblems error={write.error} />
      </div>
    </li>
  );
}

export function JcpSteps({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const zone = useZones().incident(incident);
  const officer = canWrite(user) && incident.status === 'open';
  const canRecord = (side: Side) => officer && user.country === side;
  const step = (done: StepDone | undefined, label: string, side: Side, path: StepPath) => (
    <li
      className={`jcp-step ${done ? 'jcp-done' : 'jcp-pending'}`}
      data-state={done ? 'done' : 'pending'}
      data-testid={`jcp-${path}-${side}`}
      key={path + side}
    >
      <span className="jcp-mark" aria-hidden="true">
        {done ? '✔' : '○'}
      </span>
      <div>
        <span className="visually-hidden">{done ? t.jcpDone : t.jcpPending}: </span>
        {label}
        {done ? (
          <StepFacts done={done} zone={zone} />
        ) : canRecord(side) && (path === 'national-center-notifications' || incident.jcp.nationalCenters[side]) ? (
          <RecordStepForm incident={incident} side={side} path={path} />
        ) : (
          <div className="muted small">{t.stepOtherSide(t.side[side])}</div>
        )}
      </div>
    </li>
  );
  return (
    <ul className="jcp">
      {SIDES.flatMap((side) => [
        step(
          incident.jcp.nationalCenters[side],
          t.nationalCenterNotified(t.side[side], CENTER[side]),
          side,
          'national-center-notifications',
        ),
        step(
          incident.jcp.counterpartNotified[side],
          t.counterpartNotified(t.side[side], CENTER[side]),
          side,
          'counterpart-center-notifications',
        ),
      ])}
      <JointResponseTeam incident={incident} />
      {SIDES.map((side) => {
        const osc = incident.jcp.onSceneCoordinators[side];
        return (
          <li
            key={`osc-${side}`}
            className={`jcp-step ${osc ? 'jcp-done' : 'jcp-pending'}`}
            data-testid={`jcp-osc-${side}`}
            data-state={osc ? 'done' : 'pending'}
          >
            <span className="jcp-mark" aria-hidden="true">
              {osc ? '✔' : '○'}
            </span>
            <div>
              {t.onSceneCoordinator(t.side[side])}:{' '}
              {osc ? `${osc.name} (${osc.agency})${osc.phone ? ` ${osc.phone}` : ''}` : t.notAssigned}
              {canRecord(side) ? <CoordinatorForm incident={incident} side={side} assigned={!!osc} /> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
