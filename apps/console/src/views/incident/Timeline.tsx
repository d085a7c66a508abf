// The incident's activity log, newest first: who did what, when, on which side. A step recorded after the fact shows
// both times: when it was recorded and when it was done. Delivery attempts are folded away (see timeline-entries.ts).
import { useState } from 'react';
import type { ActivityEntry } from '../../api/types';
import { ColumnHeads, LocalTime } from '../../components/common';
import { useI18n } from '../../i18n/I18nProvider';
import { timelineView } from './timeline-entries';

export function Timeline({ entries, zone }: { entries: ActivityEntry[]; zone: string }) {
  const { t, lang } = useI18n();
  const [showDeliveries, setShowDeliveries] = useState(false);
  if (entries.length === 0) return <p className="muted">{t.noTimeline}</p>;
  const { shown, deliveries } = timelineView(entries, showDeliveries);
  return (
    <>
      {deliveries > 0 ? (
        <p className="muted small" data-testid="timeline-deliveries">
          {t.incidentActions.deliveriesFolded(deliveries)}{' '}
          <button
            type="button"
            className="link-button"
            aria-pressed={showDeliveries}
            onClick={() => setShowDeliveries((shown) => !shown)}
          >
            {showDeliveries ? t.incidentActions.hideDeliveries : t.incidentActions.showDeliveries}
          </button>
        </p>
      ) : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="timeline-heading">
        <table className="table timeline" data-testid="timeline">
          <ColumnHeads labels={[t.when, t.whichSide, t.who, t.what]} />
          <tbody>
            {shown.map((entry) => (
              <tr key={entry.position} data-type={entry.type}>
                <td className="nowrap">
                  <LocalTime iso={entry.at} zone={zone} seconds />
                  {entry.occurredAt ? (
                    <div className="muted small" data-testid="timeline-done-at">
                      {t.incidentActions.doneAtShort} <LocalTime iso={entry.occurredAt} zone={zone} />
                    </div>
                  ) : null}
                </td>
                <td>
                  <span className={`side-tag side-${entry.side ?? 'none'}`}>
                    {entry.side ? t.side[entry.side] : '—'}
                  </span>
                </td>
                <td>
                  {entry.actor} <span className="muted">({entry.agency})</span>
                </td>
                <td>{entry.summary[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
