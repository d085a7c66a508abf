// The record's history, for auditors and administrators: every event in the order of the log, filtered, paged by
// position, exported with the filters, each event's data at hand and the proof that it is in the signed log.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { type ApiError, asApiError, request } from '../api/client';
import type { Side } from '../api/types';
import { AuditTabs } from '../audit/AuditTabs';
import { EventType } from '../audit/EventType';
import { PortTimes, UtcTime } from '../audit/AuditTimes';
import {
  exportFileName,
  exportPath,
  type ExportFormat,
  type HistoryFilter,
  historyPath,
  isFiltered,
  NO_FILTER,
} from '../audit/history-filter';
import { proofFileName, shortPosition } from '../audit/positions';
import { HISTORY_AGGREGATES, type HistoryAggregate, type HistoryItem, type HistoryPage } from '../audit/types';
import { ChoiceField, ColumnHeads, ErrorAlert, RolesOnlyPage } from '../components/common';
import { useTitle } from '../components/hooks';
import { fieldErrors } from '../drills/field-errors';
import { FieldError } from '../drills/FieldError';
import { useFileRequest } from '../drills/file-request';
import { describedBy } from '../drills/PlanFields';
import { saveBlob } from '../drills/save-blob';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { streamParts } from '../live/feed-state';
import { Link } from '../router/Router';
import { canAudit } from '../session/session';
import { useSession, useSignedIn } from '../session/SessionProvider';
import { browserZone, zoneAbbreviation } from '../time/format';
import '../audit/audit.css';

const SIDES: readonly (Side | '')[] = ['', 'US', 'MX'];

/** A text filter with its hint and the api's refusal of it next to it. */
function TextFilter({
  name,
  label,
  hint,
  type = 'text',
  value,
  onChange,
  errors,
}: {
  name: keyof HistoryFilter;
  label: string;
  hint?: string;
  type?: 'text' | 'datetime-local';
  value: string;
  onChange: (value: string) => void;
  errors: Map<string, string[]>;
}) {
  const hintId = useId();
  const errorId = `history-${name}-error`;
  const refused = describedBy(errors, name, errorId);
  const describedByIds = [hint ? hintId : '', refused.messages.length ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={`history-${name}`}>{label}</label>
      <input
        id={`history-${name}`}
        type={type}
        step={type === 'datetime-local' ? 1 : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...refused.props}
        {...(describedByIds ? { 'aria-describedby': describedByIds } : {})}
      />
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} messages={refused.messages} />
    </div>
  );
}

function Filters({
  initial,
  errors,
  onApply,
}: {
  initial: HistoryFilter;
  errors: Map<string, string[]>;
  onApply: (filter: HistoryFilter) => void;
}) {
  const { t } = useI18n();
  const h = t.audit.history;
  const [draft, setDraft] = useState(initial);
  const set = (patch: Partial<HistoryFilter>) => setDraft((current) => ({ ...current, ...patch }));
  const zone = browserZone();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const aggregateError = describedBy(errors, 'aggregate', 'history-aggregate-error');
  const sideError = describedBy(errors, 'side', 'history-side-error');
  return (
    <form className="form audit-filters" onSubmit={submit} noValidate data-testid="history-filters">
      <fieldset>
        <legend>{h.filters}</legend>
        <div className="form-row">
          <div>
            <ChoiceField<HistoryAggregate | ''>
              id="history-aggregate"
              label={h.aggregate}
              value={draft.aggregate}
              values={['', ...HISTORY_AGGREGATES]}
              labelOf={(value) => (value === '' ? h.anyAggregate : h.aggregates[value])}
              onChange={(aggregate) => set({ aggregate })}
            />
            <FieldError id="history-aggregate-error" messages={aggregateError.messages} />
          </div>
          <TextFilter
            name="id"
            label={h.id}
            hint={h.idHint}
            value={draft.id}
            onChange={(id) => set({ id })}
            errors={errors}
          />
        </div>
        <div className="form-row">
          <TextFilter
            name="from"
            label={h.from}
            type="datetime-local"
            hint={h.rangeHint(`${zone} (${zoneAbbreviation(new Date(), zone)})`)}
            value={draft.from}
            onChange={(from) => set({ from })}
            errors={errors}
          />
          <TextFilter
            name="to"
            label={h.to}
            type="datetime-local"
            value={draft.to}
            onChange={(to) => set({ to })}
            errors={errors}
          />
        </div>
        <div className="form-row">
          <TextFilter
            name="actor"
            label={h.actor}
            hint={h.actorHint}
            value={draft.actor}
            onChange={(actor) => set({ actor })}
            errors={errors}
          />
          <div>
            <ChoiceField<Side | ''>
              id="history-side"
              label={h.side}
              value={draft.side}
              values={SIDES}
              labelOf={(side) => (side === '' ? h.bothSides : t.side[side])}
              onChange={(side) => set({ side })}
            />
            <FieldError id="history-side-error" messages={sideError.messages} />
          </div>
          <TextFilter
            name="type"
            label={h.type}
            hint={h.typeHint}
            value={draft.type}
            onChange={(type) => set({ type })}
            errors={errors}
          />
        </div>
        <div className="audit-actions">
          <button type="submit" className="btn btn-primary" data-testid="history-apply">
            {h.apply}
          </button>
          {isFiltered(draft) ? (
            <button
              type="button"
              className="btn"
              onClick={() => {
                setDraft(NO_FILTER);
                onApply(NO_FILTER);
              }}
            >
              {h.clear}
            </button>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}

/** The incident an event belongs to, whose timeline it opens on: its own stream's, or the one its data names. */
function incidentOf(item: HistoryItem): string | undefined {
  if (item.world !== 'live') return undefined;
  const [category, id] = streamParts(item.stream);
  if (category === 'incident') return id;
  const data = item.data as { incidentId?: unknown } | null;
  return category === 'port' && typeof data?.incidentId === 'string' ? data.incidentId : undefined;
}

function Row({
  item,
  proof,
}: {
  item: HistoryItem;
  proof: { pending: string | undefined; fetch: (position: string) => void };
}) {
  const { t } = useI18n();
  const h = t.audit.history;
  const [open, setOpen] = useState(false);
  const dataId = useId();
  const short = shortPosition(item.position);
  const incidentId = incidentOf(item);
  return (
    <>
      <tr data-testid="history-row" data-position={item.position} data-type={item.type} data-stream={item.stream}>
        <td className="nowrap">
          <span title={item.position} className="mono">
            {short}
          </span>
        </td>
        <td className="nowrap">
          <UtcTime iso={item.recordedAt} />
        </td>
        <td>
          {item.local ? (
            <PortTimes iso={item.recordedAt} zones={{ us: item.local.us.zone, mx: item.local.mx.zone }} />
          ) : (
            '—'
          )}
        </td>
        <td>
          <EventType type={item.type} />
        </td>
        <td>{item.actor}</td>
        <td>{item.agency}</td>
        <td>{item.side ? t.side[item.side] : '—'}</td>
        <td className="mono small">
          {item.stream} <span className="muted">#{item.revision}</span>
        </td>
        <td>
          <div className="row-actions">
            <button
              type="button"
              className="btn btn-small"
              aria-expanded={open}
              aria-controls={dataId}
              aria-label={h.dataOf(short)}
              onClick={() => setOpen((value) => !value)}
            >
              {h.data}
            </button>
            <button
              type="button"
              className="btn btn-small"
              data-testid="history-proof"
              aria-label={h.proofOf(short)}
              disabled={proof.pending !== undefined}
              onClick={() => proof.fetch(item.position)}
            >
              {proof.pending === item.position ? h.proofPreparing : h.proof}
            </button>
            {incidentId ? (
              <Link
                to={{ name: 'audit-scrubber', incidentId, at: item.position }}
                className="btn btn-small"
                data-testid="history-scrubber"
              >
                <span aria-hidden="true">{h.scrubber}</span>
                <span className="visually-hidden">{h.scrubberAt(short)}</span>
              </Link>
            ) : null}
          </div>
        </td>
      </tr>
      <tr id={dataId} hidden={!open} className="history-data">
        <td colSpan={9}>
          {open ? (
            <>
              <dl className="facts facts-inline">
                <dt>{h.role}</dt>
                <dd>{t.role[item.role as keyof typeof t.role] ?? item.role}</dd>
                <dt>{h.world}</dt>
                <dd>{h.worlds[item.world]}</dd>
                {item.drillTime ? (
                  <>
                    <dt>{h.drillTime}</dt>
                    <dd>
                      <UtcTime iso={item.drillTime} />
                    </dd>
                  </>
                ) : null}
                <dt>{h.correlation}</dt>
                <dd className="mono small">{item.correlationId}</dd>
                {item.causationId ? (
                  <>
                    <dt>{h.causation}</dt>
                    <dd className="mono small">{item.causationId}</dd>
                  </>
                ) : null}
              </dl>
              <pre className="json" data-testid="history-data" tabIndex={0} aria-label={h.dataOf(short)}>
                {JSON.stringify(item.data, null, 2)}
              </pre>
            </>
          ) : null}
        </td>
      </tr>
    </>
  );
}

function ProofHelp() {
  const { t } = useI18n();
  const help = t.audit.history.proofHelp;
  return (
    <details className="proof-help" data-testid="proof-help">
      <summary>{t.audit.history.proofHelpTitle}</summary>
      <ol>
        <li>{help.file}</li>
        <li>{help.signature}</li>
        <li>{help.root}</li>
        <li>{help.leaf}</li>
      </ol>
    </details>
  );
}

/** The pages read so far for one filter: each "Load more" continues after the last position read. */
interface Pages {
  filter: HistoryFilter;
  items: HistoryItem[];
  next: string | null;
}

function useHistoryPages(filter: HistoryFilter, enabled: boolean) {
  const { currentToken } = useSession();
  const [pages, setPages] = useState<Pages | undefined>(undefined);
  const [failed, setFailed] = useState<{ filter: HistoryFilter; error: ApiError } | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const page = useCallback(
    (after: string | null) =>
      request<HistoryPage>('GET', historyPath(filter, browserZone(), { after }), { token: currentToken() }),
    [filter, currentToken],
  );
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    page(null).then(
      (first) => {
        if (current) setPages({ filter, items: first.items, next: first.next });
      },
      (failure: unknown) => {
        if (current) setFailed({ filter, error: asApiError(failure) });
      },
    );
    return () => {
      current = false;
    };
  }, [enabled, filter, page]);
  // What was read for an earlier filter is not shown while the first page of this one is on its way.
  const shown = pages?.filter === filter ? pages : undefined;
  const error = failed?.filter === filter ? failed.error : undefined;
  const more = () => {
    if (!shown?.next) return;
    setLoadingMore(true);
    setFailed(undefined);
    page(shown.next)
      .then((next) =>
        setPages((read) =>
          read?.filter === filter ? { filter, items: [...read.items, ...next.items], next: next.next } : read,
        ),
      )
      .catch((failure: unknown) => setFailed({ filter, error: asApiError(failure) }))
      .finally(() => setLoadingMore(false));
  };
  return { pages: shown, loading: loadingMore || (shown === undefined && error === undefined), error, more };
}

function Exports({ filter }: { filter: HistoryFilter }) {
  const { t } = useI18n();
  const { announce } = useLive();
  const h = t.audit.history;
  const { pending, error, fetchFile } = useFileRequest<ExportFormat>();
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const download = (format: ExportFormat) => {
    const file = exportFileName(filter, format, new Date());
    setSaved(undefined);
    void fetchFile(format, exportPath(filter, browserZone(), format), (blob) => {
      saveBlob(blob, file);
      setSaved(file);
      announce(h.saved(file));
    });
  };
  return (
    <section className="panel audit-export" aria-labelledby="history-export-title">
      <h2 id="history-export-title">{h.exportHeading}</h2>
      <p className="muted">{h.exportIntro}</p>
      <div className="audit-actions">
        {(['jsonl', 'csv'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="btn"
            data-testid={`history-export-${format}`}
            disabled={pending !== undefined}
            onClick={() => download(format)}
          >
            {pending === format ? h.exporting : format === 'jsonl' ? h.exportJsonl : h.exportCsv}
          </button>
        ))}
      </div>
      {saved ? <p className="muted small">{h.saved(saved)}</p> : null}
      {error ? <ErrorAlert error={error} /> : null}
    </section>
  );
}

export function AuditHistory({ aggregate, id }: { aggregate?: HistoryAggregate; id?: string }) {
  const { t, lang } = useI18n();
  const { user } = useSignedIn();
  const { announce } = useLive();
  const h = t.audit.history;
  useTitle(h.title);
  const allowed = canAudit(user);
  const [filter, setFilter] = useState<HistoryFilter>({ ...NO_FILTER, aggregate: aggregate ?? '', id: id ?? '' });
  const { pages, loading, error, more } = useHistoryPages(filter, allowed);
  const proofs = useFileRequest<string>();
  const fetchProof = (position: string) => {
    const file = proofFileName(position);
    void proofs.fetchFile(
      position,
      `/api/audit/log/proofs/inclusion?position=${encodeURIComponent(position)}`,
      (blob) => {
        saveBlob(blob, file);
        announce(h.saved(file));
      },
    );
  };
  const errors = fieldErrors(error, lang);
  return (
    <RolesOnlyPage allowed={allowed} id="audit-history" title={h.title} intro={h.intro} whoMay={h.onlyAuditors}>
      <AuditTabs />
      <Filters initial={filter} errors={errors} onApply={(next) => setFilter({ ...next })} />
      {error ? (
        <ErrorAlert error={error} onRetry={errors.size === 0 ? () => setFilter({ ...filter }) : undefined} />
      ) : null}
      <Exports filter={filter} />
      <ProofHelp />
      {proofs.error ? <ErrorAlert error={proofs.error} testId="proof-error" /> : null}
      {pages === undefined ? (
        loading ? (
          <p className="muted" role="status">
            {t.loading}
          </p>
        ) : null
      ) : pages.items.length === 0 ? (
        <p className="muted">{h.none}</p>
      ) : (
        <>
          <p className="muted small" role="status" data-testid="history-count">
            {h.shown(pages.items.length)}
          </p>
          <div className="table-wrap">
            <table className="table history-table" data-testid="history-table">
              <ColumnHeads
                labels={[
                  h.columns.position,
                  h.columns.utc,
                  h.columns.local,
                  h.columns.type,
                  h.columns.actor,
                  h.columns.agency,
                  h.columns.side,
                  h.columns.stream,
                  h.columns.actions,
                ]}
              />
              <tbody>
                {pages.items.map((item) => (
                  <Row key={item.position} item={item} proof={{ pending: proofs.pending, fetch: fetchProof }} />
                ))}
              </tbody>
            </table>
          </div>
          {pages.next !== null ? (
            <button type="button" className="btn" data-testid="history-more" disabled={loading} onClick={more}>
              {loading ? t.loading : h.loadMore}
            </button>
          ) : (
            <p className="muted small">{h.end}</p>
          )}
        </>
      )}
    </RolesOnlyPage>
  );
}
