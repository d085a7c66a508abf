// Entering a drill's world: a participant joins it first (`POST /api/drills/:id/join`, recorded once, outside any
// world); planners, admins and auditors just enter. Then every view works in the drill until "leave".
import type { DrillStatus } from '../api/types';
import { ErrorAlert } from '../components/common';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { useRouter } from '../router/Router';
import { useSignedIn } from '../session/SessionProvider';
import { useWrite } from '../state/DataProvider';
import { useDrillMode } from './DrillMode';

export function JoinDrillButton({
  drillId,
  title,
  status,
  participant,
}: {
  drillId: string;
  title: string;
  status: DrillStatus;
  /** The signed-in account takes part (joins); else it only enters to read or control. */
  participant: boolean;
}) {
  const { t } = useI18n();
  const { token } = useSignedIn();
  const { announce } = useLive();
  const { navigate } = useRouter();
  const mode = useDrillMode();
  const write = useWrite(token);
  if (mode.drillId === drillId) return <span className="muted">{t.drills.inThisDrill}</span>;
  if (status === 'ended' || (participant && status === 'planned')) return null;
  const enter = async () => {
    if (participant && !(await write.run('POST', `/api/drills/${drillId}/join`, {}, { world: 'live' }))) return;
    announce(t.drillMode.entered(title));
    mode.enter(drillId);
    navigate({ name: 'overview' });
  };
  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-primary"
        data-testid={`join-${drillId}`}
        disabled={write.pending}
        onClick={() => void enter()}
      >
        {participant ? t.drills.join : t.drills.enter}
      </button>
      {write.error ? <ErrorAlert error={write.error} /> : null}
    </>
  );
}
