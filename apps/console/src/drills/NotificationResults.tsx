// A notification drill's results in the drill view, from the report's JSON: per BLM, each member agency's outcome (in
// time, late, never), how many minutes it took, who acknowledged, and the escalation tiers its silence raised. Read
// again each time the view reads the drill, until the drill has ended.
import { useEffect } from 'react';
import type { DrillView as Drill, NotificationDrillReport } from '../api/types';
import { ColumnHeads, Loadable, LocalTime } from '../components/common';
import { useI18n } from '../i18n/I18nProvider';
import { useResource } from '../state/DataProvider';
import { minutesText } from './notification-drills';

export function NotificationResults({ drill, receivedAt }: { drill: Drill; receivedAt: number | undefined }) {
  const { t, lang } = useI18n();
  const report = useResource<NotificationDrillReport>(`/api/drills/${drill.id}/report?format=json`);
  const { retry } = report;
  const ended = drill.status === 'ended';
  // Acknowledgments and escalations are not drill events: follow the view's own refresh while the drill goes on, and
  // read it once more when it ends.
  const tick = ended ? 'ended' : receivedAt;
  useEffect(() => retry(), [tick, retry]);
  const n = t.drills.notification;
  const c = n.columns;
  return (
    <section className="panel" aria-labelledby="drill-results-title" data-testid="notification-results">
      <h2 id="drill-results-title">{n.resultsHeading}</h2>
      <Loadable resource={report}>
        {(data) =>
          data.results.length === 0 ? (
            <p className="muted">{n.noneIssued}</p>
          ) : (
            data.results.map((result) => {
              const { summary } = result;
              return (
                <section
                  key={result.notificationId}
                  aria-labelledby={`results-${result.blmId}`}
                  data-testid={`results-${result.blmId}`}
                >
                  <h3 id={`results-${result.blmId}`}>{result.blmName[lang]}</h3>
                  <p>
                    {n.issued}: <LocalTime iso={result.issuedAt} zone={data.timeZone} seconds /> · {n.deadline}:{' '}
                    <LocalTime iso={result.deadline} zone={data.timeZone} seconds />
                  </p>
                  <p>
                    {n.tally(summary.inTime, summary.late, summary.never, summary.recipients)}
                    {summary.medianMinutes === undefined
                      ? null
                      : ` ${n.median(n.minutes(minutesText(summary.medianMinutes, lang)))}`}
                  </p>
                  <div className="table-wrap">
                    <table className="table">
                      <ColumnHeads labels={[c.agency, c.side, c.outcome, c.minutes, c.by, c.escalated]} />
                      <tbody>
                        {result.recipients.map((row) => (
                          <tr
                            key={`${row.side}/${row.agency}`}
                            data-testid={`result-${result.blmId}-${row.side}-${row.agency}`}
                            data-outcome={row.outcome}
                            className={`outcome-${row.outcome}`}
                          >
                            <th scope="row">{row.agency}</th>
                            <td>{t.side[row.side]}</td>
                            <td>{n.outcome[row.outcome]}</td>
                            <td>
                              {row.acknowledgedAfterMinutes === undefined
                                ? '—'
                                : n.minutes(minutesText(row.acknowledgedAfterMinutes, lang))}
                            </td>
                            <td>{row.acknowledgedBy ?? '—'}</td>
                            <td>{row.escalatedTiers.length > 0 ? row.escalatedTiers.join(', ') : n.notEscalated}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </section>
              );
            })
          )
        }
      </Loadable>
    </section>
  );
}
