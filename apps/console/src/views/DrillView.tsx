// One drill: its status and clock (live in the drill's zone), the planner's controls (start, pause, resume, end,
// compression), the real-world halt anyone taking part may call, a scenario drill's injects released and pending or a
// notification drill's BLMs and acknowledgments, its report, participants and whether they joined, and evaluators'
// observations. Read again every 2 s.
import { useRef, useState, type FormEvent } from 'react';
import type { BorderLiaisonMechanism, DrillView as Drill, Scenario } from '../api/types';
import {
  BiText,
  BilingualFields,
  ChoiceField,
  ColumnHeads,
  ErrorAlert,
  FormProblems,
  Loadable,
  LocalTime,
  SubmitButton,
} from '../components/common';
import { useTitle } from '../components/hooks';
import { AfterActionReport } from '../drills/AfterActionReport';
import { capabilitiesFirst, capabilityName } from '../drills/capabilities';
import { DrillClock, DrillStatusChip } from '../drills/DrillClock';
import { useDrillMode } from '../drills/DrillMode';
import { useAnnounceStatus } from '../drills/DrillModeBar';
import { fieldErrors, messagesOf } from '../drills/field-errors';
import { FieldError } from '../drills/FieldError';
import { useDrill } from '../drills/hooks';
import { injectProgress } from '../drills/injects';
import { JoinDrillButton } from '../drills/JoinDrill';
import { NotificationResults } from '../drills/NotificationResults';
import { bilingualInput, plainText } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { Link } from '../router/Router';
import { canPlanDrills } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { useResource, useWrite } from '../state/DataProvider';
import '../drills/drills.css';

/** Writes about a drill go outside the world of another drill the console may be in (the api refuses a mismatch). */
function useDrillWrite(drillId: string) {
  const { token } = useSignedIn();
  const mode = useDrillMode();
  const write = useWrite(token);
  const outside = mode.drillId !== undefined && mode.drillId !== drillId;
  const post = (action: string, body: unknown = {}) =>
    write.run('POST', `/api/drills/${drillId}/${action}`, body, outside ? { world: 'live' } : {});
  return { ...write, post };
}

function Controls({ drill, onChanged }: { drill: Drill; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const write = useDrillWrite(drill.id);
  const [rate, setRate] = useState(String(drill.rate));
  const act = async (action: 'start' | 'pause' | 'resume' | 'end') => {
    if (action === 'end' && !window.confirm(t.drills.confirmEnd)) return;
    if (await write.post(action)) onChanged();
  };
  const changeRate = async (event: FormEvent) => {
    event.preventDefault();
    if (await write.post('rate', { rate: rate.trim() === '' ? null : Number(rate) })) onChanged();
  };
  const rateErrors = messagesOf(fieldErrors(write.error, lang), 'rate');
  const { status } = drill;
  return (
    <section className="panel" aria-labelledby="drill-controls-title" data-testid="drill-controls">
      <h2 id="drill-controls-title">{t.drills.controls}</h2>
      <div className="drill-controls">
        {status === 'planned' ? (
          <button type="button" className="btn btn-primary" disabled={write.pending} onClick={() => void act('start')}>
            {t.drills.start}
          </button>
        ) : null}
        {status === 'running' ? (
          <button type="button" className="btn" disabled={write.pending} onClick={() => void act('pause')}>
            {t.drills.pause}
          </button>
        ) : null}
        {status === 'paused' || status === 'halted' ? (
          <button type="button" className="btn btn-primary" disabled={write.pending} onClick={() => void act('resume')}>
            {t.drills.resume}
          </button>
        ) : null}
        <button type="button" className="btn btn-danger" disabled={write.pending} onClick={() => void act('end')}>
          {t.drills.end}
        </button>
      </div>
      {status !== 'planned' ? (
        <form className="form inline" onSubmit={(event) => void changeRate(event)} noValidate>
          <div className="field">
            <label htmlFor="drill-rate">{t.drills.newRate}</label>
            <input
              id="drill-rate"
              type="number"
              min={1}
              max={120}
              step={1}
              value={rate}
              onChange={(event) => setRate(event.target.value)}
              {...(rateErrors.length ? { 'aria-invalid': true, 'aria-describedby': 'drill-rate-error' } : {})}
            />
            <FieldError id="drill-rate-error" messages={rateErrors} />
          </div>
          <SubmitButton pending={write.pending} label={t.drills.applyRate} className="btn" />
        </form>
      ) : null}
      {write.error && rateErrors.length === 0 ? <ErrorAlert error={write.error} /> : null}
    </section>
  );
}

/** "Real-world emergency": a confirmation dialog with the reason, then the drill stops for everyone. */
function Halt({ drill, onChanged }: { drill: Drill; onChanged: () => void }) {
  const { t } = useI18n();
  const write = useDrillWrite(drill.id);
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState({ en: '', es: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = bilingualInput(reason.en, reason.es);
    if (!text.en && !text.es) {
      setProblem(t.atLeastOneLanguage);
      return;
    }
    setProblem(null);
    if (await write.post('halt', { reason: text })) {
      dialog.current?.close();
      setReason({ en: '', es: '' });
      onChanged();
    }
  };
  return (
    <>
      <button
        type="button"
        className="btn btn-danger"
        data-testid="halt-drill"
        onClick={() => {
          write.reset();
          dialog.current?.showModal();
        }}
      >
        {t.drills.halt}
      </button>
      <dialog ref={dialog} className="halt-dialog" aria-labelledby="halt-title" data-testid="halt-dialog">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <h2 id="halt-title">{t.drills.halt}</h2>
          <p>{t.drills.haltIntro}</p>
          <BilingualFields
            label={t.drills.haltReason}
            name="halt-reason"
            value={reason}
            onChange={setReason}
            required
          />
          <FormProblems problem={problem} error={write.error} />
          <div className="drill-controls">
            <SubmitButton pending={write.pending} label={t.drills.confirmHalt} className="btn btn-danger" />
            <button type="button" className="btn" onClick={() => dialog.current?.close()}>
              {t.cancel}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

function Injects({ drill, scenario }: { drill: Drill; scenario: Scenario }) {
  const { t } = useI18n();
  const { released, pending } = injectProgress(scenario.injects, drill.released, drill.plan.startsAt);
  const c = t.drills.injectColumns;
  const zone = drill.plan.timeZone;
  return (
    <section className="panel" aria-labelledby="drill-injects-title">
      <h2 id="drill-injects-title">{t.drills.injectsHeading}</h2>
      <h3>
        {t.drills.releasedHeading} ({released.length})
      </h3>
      {released.length === 0 ? (
        <p className="muted">{t.drills.noneReleased}</p>
      ) : (
        <table className="table" data-testid="injects-released">
          <ColumnHeads labels={[c.id, c.synopsis, c.released]} />
          <tbody>
            {released.map(({ inject, releasedAt }) => (
              <tr key={inject.id}>
                <th scope="row">{inject.id}</th>
                <td>
                  <BiText value={inject.synopsis} />
                </td>
                <td>
                  <LocalTime iso={releasedAt!} zone={zone} seconds />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>
        {t.drills.pendingHeading} ({pending.length})
      </h3>
      {pending.length === 0 ? (
        <p className="muted">{t.drills.nonePending}</p>
      ) : (
        <table className="table" data-testid="injects-pending">
          <ColumnHeads labels={[c.id, c.offset, c.synopsis, c.due]} />
          <tbody>
            {pending.map(({ inject, due }) => (
              <tr key={inject.id} data-testid={`pending-${inject.id}`}>
                <th scope="row">{inject.id}</th>
                <td>{inject.offsetMinutes} min</td>
                <td>
                  <BiText value={inject.synopsis} />
                  {inject.contingencyFor ? (
                    <span className="muted drill-note">{t.drills.contingencyOf(inject.contingencyFor)}</span>
                  ) : null}
                </td>
                <td>
                  <LocalTime iso={due} zone={zone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The BLMs a notification drill sends its EXERCISE notification to, by name. */
function NotifiedBlms({ blmIds }: { blmIds: readonly string[] }) {
  const { t, lang } = useI18n();
  const blms = useResource<BorderLiaisonMechanism[]>('/api/blms');
  const nameOf = (id: string) => blms.data?.find((blm) => blm.id === id)?.name[lang] ?? id;
  return (
    <section className="panel" aria-labelledby="drill-blms-title">
      <h2 id="drill-blms-title">{t.drills.notification.blmsHeading}</h2>
      <ul data-testid="drill-blms">
        {blmIds.map((id) => (
          <li key={id} data-blm={id}>
            {nameOf(id)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Participants({ drill }: { drill: Drill }) {
  const { t } = useI18n();
  const c = t.drills.participantColumns;
  return (
    <section className="panel" aria-labelledby="drill-participants-title">
      <h2 id="drill-participants-title">{t.drills.participantsHeading}</h2>
      <table className="table" data-testid="drill-participants">
        <ColumnHeads labels={[c.account, c.role, c.side, c.joined]} />
        <tbody>
          {drill.participants.map((participant) => (
            <tr
              key={participant.username}
              data-testid={`participant-${participant.username}`}
              data-joined={participant.joinedAt !== null}
            >
              <th scope="row">{participant.username}</th>
              <td>{t.participantRole[participant.role]}</td>
              <td>
                {participant.agency} · {t.side[participant.side]}
              </td>
              <td>
                {participant.joinedAt ? (
                  <LocalTime iso={participant.joinedAt} zone={drill.plan.timeZone} seconds />
                ) : (
                  t.drills.notJoined
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Observation({ drill, scenario }: { drill: Drill; scenario: Scenario | undefined }) {
  const { t, lang } = useI18n();
  const { announce } = useLive();
  const write = useDrillWrite(drill.id);
  const objectives = scenario?.objectives ?? [];
  const capabilities = capabilitiesFirst([
    ...objectives.map((o) => o.capability),
    ...(scenario?.injects ?? []).map((i) => i.capability),
  ]);
  const [objectiveId, setObjectiveId] = useState('');
  const [capability, setCapability] = useState<string>(capabilities[0]!);
  const [text, setText] = useState({ en: '', es: '' });
  const errors = fieldErrors(write.error, lang);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await write.post('observations', {
      capability,
      ...(objectiveId ? { objectiveId } : {}),
      text: bilingualInput(text.en, text.es),
    });
    if (result) {
      setText({ en: '', es: '' });
      announce(t.drills.observed);
    }
  };
  return (
    <section className="panel" aria-labelledby="drill-observation-title">
      <h2 id="drill-observation-title">{t.drills.observations}</h2>
      <p className="muted">{t.drills.observationsIntro}</p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate data-testid="observation-form">
        <ChoiceField
          id="observation-objective"
          label={`${t.drills.objective} (${t.optional})`}
          value={objectiveId}
          values={['', ...objectives.map((objective) => objective.id)]}
          labelOf={(id) => {
            const objective = objectives.find((candidate) => candidate.id === id);
            return objective ? `${objective.id} — ${plainText(objective.text, lang)}` : t.drills.noObjective;
          }}
          onChange={(id) => {
            setObjectiveId(id);
            const objective = objectives.find((candidate) => candidate.id === id);
            if (objective) setCapability(objective.capability);
          }}
        />
        <ChoiceField
          id="observation-capability"
          label={t.drills.capability}
          value={capability}
          values={capabilities}
          labelOf={(id) => capabilityName(id, lang)}
          onChange={setCapability}
        />
        <FieldError id="observation-capability-error" messages={messagesOf(errors, 'capability')} />
        <BilingualFields
          label={t.drills.observationText}
          name="observation-text"
          value={text}
          onChange={setText}
          multiline
          required
        />
        <FieldError id="observation-text-error" messages={messagesOf(errors, 'text')} />
        <FormProblems error={write.error} />
        <SubmitButton pending={write.pending} label={t.drills.submitObservation} className="btn btn-primary" />
      </form>
    </section>
  );
}

function DrillDetails({
  drill,
  receivedAt,
  onChanged,
}: {
  drill: Drill;
  receivedAt: number | undefined;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const { user } = useSignedIn();
  const mode = useDrillMode();
  useAnnounceStatus(drill.status);
  const me = drill.participants.find((participant) => participant.username === user.username);
  const planner = canPlanDrills(user);
  const scenario = drill.plan.kind === 'scenario' ? drill.plan.scenario : undefined;
  const playing = drill.status === 'running' || drill.status === 'paused';
  return (
    <>
      <div className="page-head">
        <h1 id="drill-title">
          <BiText value={drill.plan.title} />
        </h1>
        <div className="head-chips">
          <DrillStatusChip status={drill.status} />
          <JoinDrillButton
            drillId={drill.id}
            title={plainText(drill.plan.title, lang)}
            status={drill.status}
            participant={me !== undefined}
          />
          {mode.drillId === drill.id ? (
            <button type="button" className="btn btn-small" onClick={mode.leave}>
              {t.drillMode.leave}
            </button>
          ) : null}
        </div>
      </div>
      <p className="muted">
        {t.drills.plannedBy(drill.plannedBy.username, drill.plannedBy.agency)}
        {scenario && (planner || user.role === 'auditor') ? (
          <>
            {' · '}
            <Link to={{ name: 'scenario', scenarioId: scenario.id }}>{plainText(scenario.title, lang)}</Link>
          </>
        ) : null}
        {drill.plan.kind === 'notification' ? ` · ${t.drills.kind.notification}` : null}
      </p>
      <section className="panel" aria-labelledby="drill-clock-title">
        <h2 id="drill-clock-title">{t.drills.clock}</h2>
        <DrillClock drill={drill} receivedAt={receivedAt} />
        {drill.halts.length > 0 ? (
          <>
            <h3>{t.drills.halts}</h3>
            <ul data-testid="drill-halts">
              {drill.halts.map((halt) => (
                <li key={halt.at}>
                  <LocalTime iso={halt.at} zone={drill.plan.timeZone} seconds />{' '}
                  {t.drills.haltedBy(halt.by.username, halt.by.agency)}: <BiText value={halt.reason} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {playing && (planner || me) ? <Halt drill={drill} onChanged={onChanged} /> : null}
      </section>
      {planner && drill.status !== 'ended' ? (
        <Controls drill={drill} onChanged={onChanged} />
      ) : !planner ? (
        <p className="muted">{t.drills.readOnly}</p>
      ) : null}
      {scenario ? <Injects drill={drill} scenario={scenario} /> : null}
      {drill.plan.kind === 'notification' ? <NotifiedBlms blmIds={drill.plan.blmIds} /> : null}
      {drill.status !== 'planned' ? <AfterActionReport drill={drill} /> : null}
      {drill.plan.kind === 'notification' && drill.status !== 'planned' ? (
        <NotificationResults drill={drill} receivedAt={receivedAt} />
      ) : null}
      <Participants drill={drill} />
      {drill.status !== 'ended' && (planner || me?.role === 'evaluator' || me?.role === 'controller') ? (
        <Observation drill={drill} scenario={scenario} />
      ) : null}
    </>
  );
}

export function DrillView({ drillId }: { drillId: string }) {
  const { t, lang } = useI18n();
  const drill = useDrill(drillId);
  useTitle(drill.data ? plainText(drill.data.plan.title, lang) : t.drills.title);
  return (
    <section className="card" aria-labelledby="drill-title" data-testid="drill-view">
      <Loadable resource={drill}>
        {(data) => <DrillDetails drill={data} receivedAt={drill.fetchedAt} onChanged={drill.retry} />}
      </Loadable>
    </section>
  );
}
