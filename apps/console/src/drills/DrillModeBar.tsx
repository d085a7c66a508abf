// On every page while the console is in a drill: the EXERCISE / EJERCICIO banner, the drill's title, status and
// clock, a link to the drill, the live world's open incidents (a real emergency is never hidden by a drill), and the
// way back to the live world.
import { useEffect, useRef } from 'react';
import { BiText } from '../components/common';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { Link } from '../router/Router';
import { DrillClock, DrillStatusChip } from './DrillClock';
import { useDrillMode } from './DrillMode';
import { useDrill, useLiveWorldIncidents } from './hooks';
import './drills.css';

/** Says a drill's new status in the page's live region when it changes (not when first shown). */
export function useAnnounceStatus(status: string | undefined): void {
  const { t } = useI18n();
  const { announce } = useLive();
  const shown = useRef(status);
  useEffect(() => {
    if (status && shown.current && status !== shown.current) {
      announce(t.drills.changed(t.drillStatus[status as keyof typeof t.drillStatus]));
    }
    shown.current = status;
  }, [status, announce, t]);
}

function InDrill({ drillId, leave }: { drillId: string; leave: () => void }) {
  const { t } = useI18n();
  const drill = useDrill(drillId);
  const liveIncidents = useLiveWorldIncidents();
  useAnnounceStatus(drill.data?.status);
  return (
    <section className="drill-mode" aria-labelledby="drill-mode-banner" data-testid="drill-mode">
      <p className="drill-mode-banner" id="drill-mode-banner">
        <strong data-testid="exercise-mode-banner">{t.drillMode.banner}</strong> <span>{t.drillMode.bannerNote}</span>
      </p>
      <div className="drill-mode-row">
        {drill.data ? (
          <>
            <Link to={{ name: 'drill', drillId }} className="drill-mode-title">
              <BiText value={drill.data.plan.title} />
            </Link>
            <DrillStatusChip status={drill.data.status} />
            <DrillClock drill={drill.data} receivedAt={drill.fetchedAt} />
          </>
        ) : null}
        <span className="drill-mode-live" data-testid="live-world-indicator" data-open={liveIncidents ?? ''}>
          <strong>{t.drillMode.liveWorld}:</strong>{' '}
          {liveIncidents === undefined ? '…' : t.drillMode.liveIncidents(liveIncidents)}
        </span>
        <button type="button" className="btn btn-small drill-mode-leave" data-testid="leave-drill" onClick={leave}>
          {t.drillMode.leave}
        </button>
      </div>
    </section>
  );
}

export function DrillModeBar() {
  const { t } = useI18n();
  const { drillId, leave, refusedNotice, dismissRefused } = useDrillMode();
  if (drillId) return <InDrill drillId={drillId} leave={leave} />;
  if (!refusedNotice) return null;
  return (
    <div className="notice notice-info" role="alert" data-testid="drill-refused">
      <span>{t.drillMode.refused}</span>{' '}
      <button type="button" className="btn btn-small btn-quiet" onClick={dismissRefused}>
        {t.close}
      </button>
    </div>
  );
}
