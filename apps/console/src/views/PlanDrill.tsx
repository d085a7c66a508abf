// Planning a drill from a scenario (planners, admins): its title in both languages (the scenario's to start with),
// scenario time zero in the scenario's zone, the compression, and the participants (accounts; the api takes their
// side and agency from the directory). The api's refusals are shown next to the fields they concern.
import { type ReactNode, useState, type FormEvent } from 'react';
import type { Scenario } from '../api/types';
import { BilingualFields, FormProblems, Loadable, RolesOnlyPage, SubmitButton } from '../components/common';
import { useTitle } from '../components/hooks';
import { zonedTimeToIso } from '../drills/clock';
import { fieldErrors } from '../drills/field-errors';
import { importedScenario } from '../drills/imported-scenario';
import { FieldError } from '../drills/FieldError';
import { describedBy, ParticipantsEditor, StartAndRateFields, useParticipants } from '../drills/PlanFields';
import { plainText } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { useRouter } from '../router/Router';
import { canPlanDrills } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { useResource, useWrite } from '../state/DataProvider';
import '../drills/drills.css';

function PlanForm({ scenario, imported = false }: { scenario: Scenario; imported?: boolean }) {
  const { t, lang } = useI18n();
  const { token } = useSignedIn();
  const { navigate } = useRouter();
  const { announce } = useLive();
  const write = useWrite(token);
  const [title, setTitle] = useState({ en: scenario.title.en, es: scenario.title.es });
  const [startsAt, setStartsAt] = useState('');
  const [rate, setRate] = useState('60');
  const participants = useParticipants();
  const errors = fieldErrors(write.error, lang);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const start = zonedTimeToIso(startsAt, scenario.timeZone);
    const result = await write.run('POST', '/api/drills', {
      // An imported scenario travels whole (the api checks it again); an installed one by its id.
      ...(imported ? { scenario } : { scenarioId: scenario.id }),
      title: { en: title.en.trim(), es: title.es.trim() },
      ...(start ? { startsAt: start } : {}),
      rate: rate.trim() === '' ? null : Number(rate),
      participants: participants.body(),
    });
    if (result) {
      announce(t.drills.planned);
      navigate({ name: 'drill', drillId: result.id });
    }
  };

  const titleError = describedBy(errors, 'title', 'plan-title-error');

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
      <StartAndRateFields
        startsAt={startsAt}
        onStartsAt={setStartsAt}
        startsAtLabel={t.drills.startsAt}
        startsAtHint={t.drills.startsAtHint(scenario.timeZone)}
        rate={rate}
        onRate={setRate}
        errors={errors}
      />
      <ParticipantsEditor editor={participants} errors={errors} />
      <FormProblems error={write.error} />
      <SubmitButton pending={write.pending} label={t.drills.submitPlan} className="btn btn-primary" />
    </form>
  );
}

/** The page a drill is planned on: planners and administrators only. */
function PlanPage({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  useTitle(t.drills.planTitle);
  return (
    <RolesOnlyPage
      allowed={canPlanDrills(user)}
      id="plan-drill"
      title={t.drills.planTitle}
      intro=""
      whoMay={t.drills.readOnly}
    >
      {children}
    </RolesOnlyPage>
  );
}

export function PlanDrill({ scenarioId }: { scenarioId: string }) {
  const { user } = useSignedIn();
  const scenario = useResource<Scenario>(canPlanDrills(user) ? `/api/scenarios/${scenarioId}` : null);
  return (
    <PlanPage>
      <Loadable resource={scenario}>{(data) => <PlanForm scenario={data} />}</Loadable>
    </PlanPage>
  );
}

/** A drill from the scenario imported in this tab (see Scenarios): the same form, the scenario sent whole. */
export function PlanImportedDrill() {
  const { t } = useI18n();
  const scenario = importedScenario();
  return (
    <PlanPage>{scenario ? <PlanForm scenario={scenario} imported /> : <p>{t.scenarios.importing.nothing}</p>}</PlanPage>
  );
}
