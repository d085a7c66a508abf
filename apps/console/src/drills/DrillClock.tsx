// The drill clock: drill time in the drill's zone (ticking on between reads), scenario time since zero, compression,
// and the zone's name (with "no daylight saving time" where the zone keeps none, as Sonora).
import type { DrillView } from '../api/types';
import { LocalTime } from '../components/common';
import { useNow } from '../components/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { drillTimeNow, keepsDaylightSaving, scenarioElapsed } from './clock';

export function DrillClock({ drill, receivedAt }: { drill: DrillView; receivedAt: number | undefined }) {
  const { t } = useI18n();
  const now = useNow(500);
  const drillMs = drillTimeNow(drill, receivedAt ?? now, now);
  const zone = drill.plan.timeZone;
  const year = new Date(drillMs ?? Date.parse(drill.plan.startsAt)).getUTCFullYear();
  return (
    <div
      className="drill-clock"
      data-testid="drill-clock"
      data-status={drill.status}
      role="group"
      aria-label={t.drills.clock}
    >
      <span className="drill-clock-time" role="timer">
        {drillMs === undefined ? (
          t.drills.clockNotStarted
        ) : (
          <LocalTime iso={new Date(drillMs).toISOString()} zone={zone} seconds />
        )}
      </span>
      {drillMs === undefined ? null : (
        <span className="drill-clock-elapsed" title={t.drills.scenarioTime}>
          {scenarioElapsed(drillMs, drill.plan.startsAt)}
        </span>
      )}
      <span className="drill-clock-rate" data-testid="drill-rate" data-rate={drill.rate}>
        {t.drills.rateNow(drill.rate)}
      </span>
      <span className="drill-clock-zone">
        {keepsDaylightSaving(zone, year) ? t.drills.zone(zone) : t.drills.zoneNoDst(zone)}
      </span>
    </div>
  );
}

/** A drill's status as a chip (word, never colour alone). */
export function DrillStatusChip({ status }: { status: DrillView['status'] }) {
  const { t } = useI18n();
  return (
    <span className={`chip drill-status drill-status-${status}`} data-testid="drill-status" data-status={status}>
      {t.drillStatus[status]}
    </span>
  );
}
