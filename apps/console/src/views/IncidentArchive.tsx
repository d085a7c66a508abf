// The archive of closed incidents (everyone signed in): search by port, material, the days they were observed and
// words of their record; a page at a time, the most recently observed first; each links to its incident.
import { useMemo, useState, type FormEvent } from 'react';
import type { ArchivedIncident } from '@enlace/read-models';
import { BiText, ErrorAlert, LocalTime, SeverityChip } from '../components/common';
import { usePorts, useTitle, useZones } from '../components/hooks';
import { MaterialName } from '../components/material';
import { FieldError } from '../drills/FieldError';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/Router';
import { archivePath, type ArchiveSearchForm, EMPTY_SEARCH, searchProblems } from './archive/archive-search';
import { usePagedList } from './archive/paged';
import { ShowMore } from './archive/ShowMore';
import { portName } from './Overview';
import './archive-report.css';

const PAGE = 20;

export function IncidentArchive() {
  const { t, lang } = useI18n();
  const words = t.archiveReport;
  const ports = usePorts();
  const zones = useZones();
  const [form, setForm] = useState<ArchiveSearchForm>(EMPTY_SEARCH);
  const [searched, setSearched] = useState<ArchiveSearchForm>(EMPTY_SEARCH);
  useTitle(words.archiveTitle);
  const problems = searchProblems(form, words.toBeforeFrom);
  const [searches, setSearches] = useState(0);
  const list = usePagedList<ArchivedIncident>(archivePath(searched, PAGE), searches);
  const names = useMemo(
    () => new Map((ports.data ?? []).map((port) => [port.id, portName(port, lang)])),
    [ports.data, lang],
  );
  const sorted = useMemo(
    () => [...(ports.data ?? [])].sort((a, b) => portName(a, lang).localeCompare(portName(b, lang), lang)),
    [ports.data, lang],
  );
  const set = (field: keyof ArchiveSearchForm) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (problems.size > 0) return;
    setSearched(form);
    setSearches((count) => count + 1);
  };

  return (
    <div className="archive-page">
      <h1>{words.archiveTitle}</h1>
      <p className="muted">{words.archiveIntro}</p>
      <form
        className="card form archive-search"
        onSubmit={onSubmit}
        role="search"
        aria-label={words.searchHeading}
        noValidate
      >
        <div className="form-row">
          <div className="field">
            <label htmlFor="archive-port">{words.port}</label>
            <select id="archive-port" value={form.port} onChange={set('port')}>
              <option value="">{words.anyPort}</option>
              {sorted.map((port) => (
                <option key={port.id} value={port.id}>
                  {portName(port, lang)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="archive-material">{words.material}</label>
            <input
              id="archive-material"
              value={form.material}
              onChange={set('material')}
              aria-describedby="archive-material-hint"
            />
            <p className="hint" id="archive-material-hint">
              {words.materialHint}
            </p>
          </div>
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor="archive-from">{words.from}</label>
            <input id="archive-from" type="date" value={form.from} onChange={set('from')} />
          </div>
          <div className="field">
            <label htmlFor="archive-to">{words.to}</label>
            <input
              id="archive-to"
              type="date"
              value={form.to}
              onChange={set('to')}
              aria-invalid={problems.has('to') || undefined}
              aria-describedby={problems.has('to') ? 'archive-error-to' : undefined}
            />
            <FieldError id="archive-error-to" messages={problems.has('to') ? [problems.get('to')!] : []} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="archive-text">{words.text}</label>
          <input
            id="archive-text"
            type="search"
            value={form.text}
            onChange={set('text')}
            aria-describedby="archive-text-hint"
          />
          <p className="hint" id="archive-text-hint">
            {words.textHint}
          </p>
        </div>
        <div className="inline">
          <button type="submit" className="btn btn-primary">
            {words.search}
          </button>
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => {
              setForm(EMPTY_SEARCH);
              setSearched(EMPTY_SEARCH);
              setSearches((count) => count + 1);
            }}
          >
            {words.clear}
          </button>
        </div>
      </form>
      <section className="card" aria-labelledby="archive-results-heading">
        <h2 id="archive-results-heading">{words.results}</h2>
        {list.error ? <ErrorAlert error={list.error} onRetry={() => setSearches((count) => count + 1)} /> : null}
        <p className="muted" aria-live="polite" data-testid="archive-count">
          {list.loading && list.items.length === 0
            ? t.loading
            : list.items.length === 0
              ? words.noResults
              : words.resultCount(list.items.length, list.more)}
        </p>
        <ul className="plain archive-results" data-testid="archive-results">
          {list.items.map((incident) => {
            const zone = zones.port(incident.primaryPortId ?? incident.affectedPortIds[0] ?? '');
            return (
              <li
                key={incident.incidentId}
                className="archive-item"
                data-testid={`archive-item-${incident.incidentId}`}
              >
                <div className="archive-item-head">
                  <Link to={{ name: 'incident', incidentId: incident.incidentId }}>
                    <BiText value={incident.title} />
                  </Link>{' '}
                  <SeverityChip severity={incident.severity} />
                </div>
                <dl className="facts facts-inline">
                  <dt>{words.observed}</dt>
                  <dd>
                    <LocalTime iso={incident.observedAt} zone={zone} />
                  </dd>
                  <dt>{words.closed}</dt>
                  <dd>{incident.closedAt ? <LocalTime iso={incident.closedAt} zone={zone} /> : '—'}</dd>
                  <dt>{words.ports}</dt>
                  <dd>
                    {incident.affectedPortIds
                      .map((id) =>
                        id === incident.primaryPortId
                          ? `${names.get(id) ?? id} (${words.primaryPortMark})`
                          : (names.get(id) ?? id),
                      )
                      .join(' · ') || t.noAffectedPorts}
                  </dd>
                  <dt>{words.material}</dt>
                  <dd>
                    {incident.material ? (
                      <>
                        {incident.material.unNumber ? `${t.unNumberValue(incident.material.unNumber)} · ` : ''}
                        <MaterialName material={incident.material} />
                      </>
                    ) : (
                      words.noMaterial
                    )}
                  </dd>
                  <dt>{t.kind}</dt>
                  <dd>
                    {t.incidentKind[incident.kind]} · {words.situationReports(incident.situationReports)}
                  </dd>
                </dl>
              </li>
            );
          })}
        </ul>
        <ShowMore list={list} label={words.showMore} />
      </section>
    </div>
  );
}
