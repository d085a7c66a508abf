// Planning a notification drill (planners, admins): the BLMs whose member agencies get the EXERCISE notification (a
// checklist, or all of them), an optional title in both languages, the drill clock's start in the planner's zone, the
// compression and the participants. The api's refusals are shown next to the fields they concern.
import { useState, type FormEvent } from 'react';
import type { BorderLiaisonMechanism } from '../api/types';
import { BilingualFields, FormProblems, Loadable, RolesOnlyPage, SubmitButton } from '../components/common';
import { useTitle } from '../components/hooks';
import { zonedTimeToIso } from '../drills/clock';
import { fieldErrors, messagesOf } from '../drills/field-errors';
import { FieldError } from '../drills/FieldError';
import { notificationDrillBody, toggled } from '../drills/notification-drills';
import { ParticipantsEditor, StartAndRateFields, useParticipants } from '../drills/PlanFields';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { useRouter } from '../router/Router';
import { canPlanDrills } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { useResource, useWrite } from '../state/DataProvider';
import '../drills/drills.css';

/** The planner's own zone: the start is a wall-clock time there. */
const plannerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function PlanForm({ blms }: { blms: BorderLiaisonMechanism[] }) {
  const { t, lang } = useI18n();
  const { token } = useSignedIn();
  const { navigate } = useRouter();
  const { announce } = useLive();
  const write = useWrite(token);
  const [allBlms, setAllBlms] = useState(false);
  const [blmIds, setBlmIds] = useState<string[]>([]);
  const [title, setTitle] = useState({ en: '', es: '' });
  const [startsAt, setStartsAt] = useState('');
  const [rate, setRate] = useState('60');
  const participants = useParticipants();
  const errors = fieldErrors(write.error, lang);
  const zone = plannerZone();
  const n = t.drills.notification;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = notificationDrillBody({
      allBlms,
      blmIds,
      title,
      startsAt: zonedTimeToIso(startsAt, zone),
      rate,
      participants: participants.body(),
    });
    const result = await write.run('POST', '/api/drills/notification', body);
    if (result) {
      announce(t.drills.planned);
      navigate({ name: 'drill', drillId: result.id });
    }
  };

  const blmErrors = messagesOf(errors, 'blmIds');
  const titleError = messagesOf(errors, 'title');
  const order = blms.map((blm) => blm.id);
  return (
    <form
      className="form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="plan-notification-drill-form"
    >
      <fieldset className="blm-checklist" {...(blmErrors.length ? { 'aria-describedby': 'plan-blms-error' } : {})}>
        <legend>
          {n.blms}
          <span className="req"> ({t.required})</span>
        </legend>
        <p className="hint">{n.blmsHint}</p>
        <label className="check">
          <input type="checkbox" checked={allBlms} onChange={(event) => setAllBlms(event.target.checked)} />
          {n.allBlms}
        </label>
        <div className="check-grid">
          {blms.map((blm) => (
            <label className="check" key={blm.id} data-testid={`blm-choice-${blm.id}`}>
              <input
                type="checkbox"
                value={blm.id}
                disabled={allBlms}
                checked={allBlms || blmIds.includes(blm.id)}
                onChange={() => setBlmIds((chosen) => toggled(order, chosen, blm.id))}
              />
              {blm.name[lang]}
            </label>
          ))}
        </div>
        <FieldError id="plan-blms-error" messages={blmErrors} />
      </fieldset>
      <BilingualFields
        label={`${n.title} (${t.optional})`}
        name="drill-title"
        value={title}
        onChange={setTitle}
        hint={n.titleHint}
      />
      <FieldError id="plan-title-error" messages={titleError} />
      <StartAndRateFields
        startsAt={startsAt}
        onStartsAt={setStartsAt}
        startsAtLabel={n.startsAt}
        startsAtHint={n.startsAtHint(zone)}
        rate={rate}
        onRate={setRate}
        errors={errors}
      />
      <ParticipantsEditor editor={participants} errors={errors} />
      <FormProblems error={write.error} />
      <SubmitButton pending={write.pending} label={n.submit} className="btn btn-primary" />
    </form>
  );
}

export function PlanNotificationDrill() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const n = t.drills.notification;
  useTitle(n.planTitle);
  const blms = useResource<BorderLiaisonMechanism[]>(canPlanDrills(user) ? '/api/blms' : null);
  return (
    <RolesOnlyPage
      allowed={canPlanDrills(user)}
      id="plan-notification-drill"
      title={n.planTitle}
      intro={n.planIntro}
      whoMay={t.drills.readOnly}
    >
      <Loadable resource={blms}>{(data) => <PlanForm blms={data} />}</Loadable>
    </RolesOnlyPage>
  );
}
