// Scenarios, for planners (auditors and admins read them too): the list, and one scenario's MSEL as a table and on a
// time axis, with its spreadsheets to download and the way to plan a drill from it.
import type { Inject, PlayerSelector, Scenario, ScenarioSummary } from '../api/types';
import { BiText, ColumnHeads, ErrorAlert, Loadable, SubmitButton } from '../components/common';
import { useTitle } from '../components/hooks';
import { capabilityName } from '../drills/capabilities';
import { keepsDaylightSaving } from '../drills/clock';
import { MselAxis } from '../drills/MselAxis';
import { plainText } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/Router';
import { canPlanDrills } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { saveBlob } from '../drills/save-blob';
import { importedScenario, keepImportedScenario, problemsOf, spreadsheetType } from '../drills/imported-scenario';
import { ApiError, asApiError, request } from '../api/client';
import { useState, type FormEvent } from 'react';
import { useRouter } from '../router/Router';
import { useFileRequest } from '../drills/file-request';
import { useResource } from '../state/DataProvider';
import '../drills/drills.css';

export function ScenarioList() {
  const { t, lang } = useI18n();
  const { user } = useSignedIn();
  useTitle(t.scenarios.title);
  const scenarios = useResource<ScenarioSummary[]>('/api/scenarios');
  return (
    <section className="card" aria-labelledby="scenarios-title" data-testid="scenarios">
      <h1 id="scenarios-title">{t.scenarios.title}</h1>
      <p className="muted">{t.scenarios.intro}</p>
      {canPlanDrills(user) ? <ImportScenario /> : null}
      <Loadable resource={scenarios}>
        {(list) =>
          list.length === 0 ? (
            <p>{t.scenarios.none}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <ColumnHeads
                  labels={[
                    t.scenarios.columns.scenario,
                    t.scenarios.columns.port,
                    t.scenarios.columns.hazard,
                    t.scenarios.columns.zone,
                    t.scenarios.columns.injects,
                    t.scenarios.columns.objectives,
                    t.scenarios.columns.duration,
                  ]}
                />
                <tbody>
                  {list.map((scenario) => (
                    <tr key={scenario.id} data-testid={`scenario-${scenario.id}`}>
                      <th scope="row">
                        <Link to={{ name: 'scenario', scenarioId: scenario.id }}>
                          {plainText(scenario.title, lang)}
                        </Link>
                      </th>
                      <td>{scenario.portId}</td>
                      <td>{t.unNumberValue(scenario.hazard.unNumber)}</td>
                      <td>{scenario.timeZone}</td>
                      <td>{scenario.injects}</td>
                      <td>{scenario.objectives}</td>
                      <td>{t.scenarios.durationMinutes(scenario.durationMinutes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loadable>
    </section>
  );
}

/** The MSEL as the api's spreadsheets: fetched with the session's token (a plain link would carry none). */
function Downloads({ scenarioId }: { scenarioId: string }) {
  const { t } = useI18n();
  const { pending, error, fetchFile } = useFileRequest<'csv' | 'xlsx'>();
  const download = (format: 'csv' | 'xlsx') =>
    fetchFile(format, `/api/scenarios/${scenarioId}/msel.${format}`, (blob) =>
      saveBlob(blob, `${scenarioId}.${format}`),
    );
  return (
    <div className="drill-controls">
      {(['csv', 'xlsx'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="btn btn-small"
          data-testid={`download-${format}`}
          disabled={pending !== undefined}
          onClick={() => void download(format)}
        >
          {pending === format
            ? t.scenarios.downloading
            : format === 'csv'
              ? t.scenarios.downloadCsv
              : t.scenarios.downloadXlsx}
        </button>
      ))}
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}

function recipients(to: readonly PlayerSelector[], t: ReturnType<typeof useI18n>['t']): string {
  if (to.length === 0) return t.scenarios.everyone;
  return to
    .map(
      (selector) =>
        [
          selector.role ? t.role[selector.role] : undefined,
          selector.side ? t.side[selector.side] : undefined,
          selector.agency,
        ]
          .filter(Boolean)
          .join(' · ') || t.scenarios.everyone,
    )
    .join('; ');
}

/** The MSEL as a table, one row per inject, in scenario-time order. */
export function MselTable({ injects }: { injects: readonly Inject[] }) {
  const { t } = useI18n();
  const c = t.scenarios.mselColumns;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="msel-table">
        <ColumnHeads
          labels={[c.offset, c.id, c.synopsis, c.delivery, c.from, c.to, c.expected, c.objective, c.contingency]}
        />
        <tbody>
          {injects.map((inject) => (
            <tr key={inject.id} data-testid={`msel-${inject.id}`} data-contingency={Boolean(inject.contingencyFor)}>
              <td>{inject.offsetMinutes}</td>
              <th scope="row">{inject.id}</th>
              <td>
                <BiText value={inject.synopsis} />
              </td>
              <td>{t.delivery[inject.delivery] ?? inject.delivery}</td>
              <td>{inject.from}</td>
              <td>{recipients(inject.to, t)}</td>
              <td>
                {inject.expectedAction ? (
                  <>
                    <BiText value={inject.expectedAction.text} />{' '}
                    <span className="muted">({t.scenarios.within(inject.expectedAction.withinMinutes)})</span>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>{inject.objectiveId}</td>
              <td>{inject.contingencyFor ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ScenarioDetails({ scenario, imported = false }: { scenario: Scenario; imported?: boolean }) {
  const { t, lang } = useI18n();
  const { user } = useSignedIn();
  const dst = keepsDaylightSaving(scenario.timeZone, new Date().getUTCFullYear());
  return (
    <>
      <div className="page-head">
        <h1 id="scenario-title">
          <BiText value={scenario.title} />
        </h1>
        {canPlanDrills(user) ? (
          <Link
            to={imported ? { name: 'plan-imported-drill' } : { name: 'plan-drill', scenarioId: scenario.id }}
            className="btn btn-primary"
            data-testid="plan-drill"
          >
            {t.scenarios.planDrill}
          </Link>
        ) : null}
      </div>
      <dl className="facts">
        <dt>{t.scenarios.columns.port}</dt>
        <dd>{scenario.portId}</dd>
        <dt>{t.scenarios.blm}</dt>
        <dd>{scenario.blmId}</dd>
        <dt>{t.scenarios.columns.zone}</dt>
        <dd>
          {scenario.timeZone}
          {dst ? '' : ` (${t.scenarios.noDst})`}
        </dd>
        <dt>{t.scenarios.columns.hazard}</dt>
        <dd>
          {t.unNumberValue(scenario.hazard.unNumber)} · {t.ergGuideValue(scenario.hazard.ergGuide)}
        </dd>
      </dl>
      {imported ? (
        <p className="muted">{t.scenarios.importing.importedNote}</p>
      ) : (
        <Downloads scenarioId={scenario.id} />
      )}
      <h2>{t.scenarios.narrative}</h2>
      <p>
        <BiText value={scenario.narrative} />
      </p>
      <h2>{t.scenarios.objectivesHeading}</h2>
      <ul>
        {scenario.objectives.map((objective) => (
          <li key={objective.id}>
            <strong>{t.scenarios.objectiveLine(objective.id, capabilityName(objective.capability, lang))}</strong>:{' '}
            <BiText value={objective.text} />{' '}
            <span className="muted">
              (
              {t.scenarios.measure(
                objective.measure.from.event,
                objective.measure.to.event,
                objective.measure.targetMinutes,
              )}
              )
            </span>
          </li>
        ))}
      </ul>
      <h2>{t.scenarios.axisHeading}</h2>
      <MselAxis injects={scenario.injects} />
      <h2>{t.scenarios.mselHeading}</h2>
      <MselTable injects={scenario.injects} />
    </>
  );
}

export function ScenarioView({ scenarioId }: { scenarioId: string }) {
  const { t, lang } = useI18n();
  const scenario = useResource<Scenario>(`/api/scenarios/${scenarioId}`);
  useTitle(scenario.data ? plainText(scenario.data.title, lang) : t.scenarios.title);
  return (
    <section className="card" aria-labelledby="scenario-title" data-testid="scenario">
      <Loadable resource={scenario}>{(data) => <ScenarioDetails scenario={data} />}</Loadable>
    </section>
  );
}

/** A planner's own MSEL (CSV or XLSX): read and checked by the api; its problems, or its preview and a drill from it. */
function ImportScenario() {
  const { t, lang } = useI18n();
  const { token } = useSignedIn();
  const { navigate } = useRouter();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const i = t.scenarios.importing;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const type = file ? spreadsheetType(file.name) : undefined;
    if (!file || !type) {
      setError(new ApiError(0, 'SCENARIO.UPLOAD', { en: i.chooseFirst, es: i.chooseFirst }, {}));
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const scenario = await request<Scenario>('POST', `/api/scenarios/import?file=${encodeURIComponent(file.name)}`, {
        token,
        upload: { file, type },
      });
      keepImportedScenario(scenario);
      navigate({ name: 'imported-scenario' });
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setPending(false);
    }
  };
  const problems = error ? problemsOf(error.details) : [];
  return (
    <form className="panel form" onSubmit={(event) => void submit(event)} data-testid="import-scenario" noValidate>
      <h2>{i.title}</h2>
      <p className="muted">{i.intro}</p>
      <label htmlFor="scenario-file">{i.file}</label>
      <input
        id="scenario-file"
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(event) => setFile(event.target.files?.[0])}
      />
      <SubmitButton pending={pending} label={i.submit} className="btn" />
      {error && problems.length === 0 ? <ErrorAlert error={error} /> : null}
      {problems.length > 0 ? (
        <div className="table-wrap" role="alert" data-testid="import-problems">
          <p>{i.problems(problems.length)}</p>
          <table className="table">
            <ColumnHeads labels={[i.where, i.inject, i.field, i.problem]} />
            <tbody>
              {problems.map((problem, n) => (
                <tr key={n}>
                  <td>
                    {problem.cell ? i.cell(problem.cell.sheet, problem.cell.row, problem.cell.column) : problem.file}
                  </td>
                  <td>{problem.injectId ?? '—'}</td>
                  <td>{problem.field}</td>
                  <td>{problem.message[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </form>
  );
}

/** The scenario imported in this tab, as the api read it back: checked, ready to plan a drill from. */
export function ImportedScenarioView() {
  const { t } = useI18n();
  const scenario = importedScenario();
  useTitle(t.scenarios.importing.previewTitle);
  return (
    <section className="card" aria-labelledby="scenario-title" data-testid="imported-scenario">
      {scenario ? (
        <ScenarioDetails scenario={scenario} imported />
      ) : (
        <>
          <h1 id="scenario-title">{t.scenarios.importing.previewTitle}</h1>
          <p>{t.scenarios.importing.nothing}</p>
          <Link to={{ name: 'scenarios' }}>{t.scenarios.title}</Link>
        </>
      )}
    </section>
  );
}
