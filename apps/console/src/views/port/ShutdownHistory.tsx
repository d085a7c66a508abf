// A port's shutdowns, the most recent first, each linking to the incident it was declared for (and, for those who may
// read it, to the record's history of that incident); a page at a time.
import type { PastShutdown } from '@enlace/read-models';
import { BiText, ErrorAlert, LocalTime } from '../../components/common';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router/Router';
import { canAudit } from '../../session/session';
import { useSignedIn } from '../../session/SessionProvider';
import { usePagedList } from '../archive/paged';
import { ShowMore } from '../archive/ShowMore';

const PAGE = 10;

export function ShutdownHistory({ portId, zone, revision }: { portId: string; zone: string; revision: number }) {
  const { t } = useI18n();
  const words = t.archiveReport;
  const { user } = useSignedIn();
  // The port's revision in the key: a shutdown declared or ended here reloads the list.
  const list = usePagedList<PastShutdown>(`/api/ports/${encodeURIComponent(portId)}/shutdowns?limit=${PAGE}`, revision);
  return (
    <section className="card" aria-labelledby="shutdown-history-heading" data-testid="shutdown-history">
      <h2 id="shutdown-history-heading">{words.shutdownHistory}</h2>
      <p className="muted">{words.shutdownHistoryIntro}</p>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {!list.loading && list.items.length === 0 && !list.error ? <p>{words.noShutdowns}</p> : null}
      <ul className="plain shutdown-history">
        {list.items.map((shutdown) => (
          <li key={shutdown.shutdownId} data-testid={`past-shutdown-${shutdown.shutdownId}`}>
            <strong>{t.shutdownKind[shutdown.kind]}</strong> ({words.scopeOf(shutdown.scope)}) · {words.declared}{' '}
            <LocalTime iso={shutdown.declaredAt} zone={zone} /> · {words.reopened}{' '}
            {shutdown.reopenedAt ? <LocalTime iso={shutdown.reopenedAt} zone={zone} /> : <em>{words.inProgress}</em>}
            <br />
            {words.incident}:{' '}
            {shutdown.incidentId ? (
              <>
                <Link to={{ name: 'incident', incidentId: shutdown.incidentId }} data-testid="past-shutdown-incident">
                  {shutdown.incidentTitle ? <BiText value={shutdown.incidentTitle} /> : t.incidentTitle}
                </Link>
                {canAudit(user) ? (
                  <>
                    {' · '}
                    <Link to={{ name: 'audit-history', aggregate: 'incident', id: shutdown.incidentId }}>
                      {words.auditHistory}
                    </Link>
                  </>
                ) : null}
              </>
            ) : (
              words.noIncident
            )}
          </li>
        ))}
      </ul>
      <ShowMore list={list} label={words.showMore} />
    </section>
  );
}
