// A shutdown that changes while it runs: its side widens it, the other side joins it with its own lanes.
// (Narrowing is a reopening phase: see Reopen.)
import { useState, type FormEvent } from 'react';
import type { ActiveShutdown, LaneId, PortStatus } from '../../api/types';
import { BilingualFields, FormProblems, SubmitButton } from '../../components/common';
import { bilingualInput } from '../../i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useLive } from '../../live/LiveProvider';
import { canWrite } from '../../session/session';
import { useSignedIn } from '../../session/SessionProvider';
import { useWrite } from '../../state/DataProvider';
import { LanePicker, lanesOfSide } from './lanes';

export function ShutdownChanges({ port, shutdown }: { port: PortStatus; shutdown: ActiveShutdown }) {
  const { t } = useI18n();
  const { user, token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const openLanes = lanesOfSide(
    port.lanes.map((lane) => lane.id),
    user.country,
  ).filter((lane) => !shutdown.closedLanes.includes(lane));
  const [chosen, setChosen] = useState<Set<LaneId>>(() => new Set(openLanes));
  const [reason, setReason] = useState({ en: '', es: '' });
  const [problem, setProblem] = useState<string | undefined>(undefined);
  if (!canWrite(user)) return null;

  const party = shutdown.declaredBy.side === user.country || shutdown.joinedBy?.side === user.country;
  // Nothing left to widen with: every lane of the side is closed already.
  if (party && openLanes.length === 0) return null;
  const action = party
    ? { path: 'widenings', heading: t.widenShutdown, intro: t.widenIntro, submit: t.submitWiden, done: t.widened }
    : {
        path: 'joinings',
        heading: t.joinShutdown,
        intro: t.joinIntro(t.side[shutdown.declaredBy.side]),
        submit: t.submitJoin,
        done: t.joined,
      };
  const lanes = openLanes.filter((lane) => chosen.has(lane));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = bilingualInput(reason.en, reason.es);
    if (lanes.length === 0) return setProblem(t.chooseLanes);
    if (!text.en && !text.es) return setProblem(`${t.reason}: ${t.atLeastOneLanguage}`);
    setProblem(undefined);
    void write
      .run('POST', `/api/ports/${port.id}/${action.path}`, {
        ...(lanes.length === openLanes.length ? {} : { lanes }),
        reason: text,
      })
      .then((result) => {
        if (!result) return;
        announce(action.done);
        setReason({ en: '', es: '' });
      });
  };

  return (
    <form
      className="card form"
      onSubmit={onSubmit}
      data-testid={party ? 'widen-form' : 'join-form'}
      aria-labelledby="change-heading"
    >
      <h2 id="change-heading">{action.heading}</h2>
      <p className="muted">{action.intro}</p>
      {openLanes.length === 0 ? (
        <p>{t.noLanesLeftToClose}</p>
      ) : (
        <>
          <LanePicker
            legend={party ? t.lanesToAdd : t.lanesToClose}
            lanes={openLanes}
            chosen={chosen}
            onChange={setChosen}
            name={party ? 'widen-lane' : 'join-lane'}
          />
          <BilingualFields
            label={t.reason}
            value={reason}
            onChange={setReason}
            multiline
            required
            name={party ? 'widen-reason' : 'join-reason'}
          />
          <FormProblems problem={problem} error={write.error} />
          <SubmitButton pending={write.pending} label={action.submit} className="btn btn-danger" />
        </>
      )}
    </form>
  );
}
