// The drills: planners, admins and auditors see every drill; anyone else the drills they are invited to, with the
// way to join one and play it in its world.
import { useEffect, useState } from 'react';
import { DRILL_STATUSES, type DrillStatus, type DrillSummary } from '../api/types';
import { ChoiceField, ColumnHeads, Loadable, LocalTime } from '../components/common';
import { useTitle } from '../components/hooks';
import { DrillStatusChip } from '../drills/DrillClock';
import { JoinDrillButton } from '../drills/JoinDrill';
import { plainText } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/Router';
import { canPlanDrills } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { useResource } from '../state/DataProvider';
import '../drills/drills.css';

const LIST_REFRESH_MS = 5_000;

export function Drills() {
  const { t, lang } = useI18n();
  const { user } = useSignedIn();
  useTitle(t.drills.title);
  const [status, setStatus] = useState<DrillStatus | 'all'>('all');
  const drills = useResource<DrillSummary[]>(status === 'all' ? '/api/drills' : `/api/drills?status=${status}`);
  const { retry } = drills;
  useEffect(() => {
    const timer = window.setInterval(retry, LIST_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [retry]);
  const seesAll = canPlanDrills(user) || user.role === 'auditor';
  const c = t.drills.columns;
  return (
    <section className="card" aria-labelledby="drills-title" data-testid="drills">
      <div className="page-head">
        <h1 id="drills-title">{t.drills.title}</h1>
        {canPlanDrills(user) ? (
          <div className="head-chips">
            <Link to={{ name: 'scenarios' }} className="btn btn-primary btn-small">
              {t.drills.planTitle}
            </Link>
            <Link to={{ name: 'plan-notification-drill' }} className="btn btn-small">
              {t.drills.notification.planLink}
            </Link>
          </div>
        ) : null}
      </div>
      <p className="muted">{seesAll ? t.drills.introPlanner : t.drills.introOfficer}</p>
      {seesAll ? (
        <p>
          <Link to={{ name: 'notification-drills' }}>{t.drills.notification.yearLink}</Link>
        </p>
      ) : null}
      <ChoiceField
        id="drill-status-filter"
        label={t.drills.statusFilter}
        value={status}
        values={['all', ...DRILL_STATUSES] as const}
        labelOf={(value) => (value === 'all' ? t.drills.allStatuses : t.drillStatus[value])}
        onChange={setStatus}
      />
      <Loadable resource={drills}>
        {(list) =>
          list.length === 0 ? (
            <p>{t.drills.none}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <ColumnHeads labels={[c.drill, c.status, c.startsAt, c.participants, c.injects, c.actions]} />
                <tbody>
                  {list.map((drill) => (
                    <tr key={drill.drillId} data-testid={`drill-${drill.drillId}`} data-status={drill.status}>
                      <th scope="row">
                        <Link to={{ name: 'drill', drillId: drill.drillId }}>{plainText(drill.title, lang)}</Link>
                        <span className="muted block">
                          {drill.kind === 'notification' ? `${t.drills.kind.notification} · ` : null}
                          {t.drills.plannedBy(drill.plannedBy.username, drill.plannedBy.agency)}
                        </span>
                      </th>
                      <td>
                        <DrillStatusChip status={drill.status} />
                      </td>
                      <td>
                        <LocalTime iso={drill.startsAt} zone={drill.timeZone} />
                      </td>
                      <td>{drill.participants.length}</td>
                      <td>
                        {drill.kind === 'notification'
                          ? '—'
                          : t.drills.injectsReleased(drill.injectsReleased, drill.injects)}
                      </td>
                      <td>
                        <JoinDrillButton
                          drillId={drill.drillId}
                          title={plainText(drill.title, lang)}
                          status={drill.status}
                          participant={drill.participants.includes(user.username)}
                        />
                      </td>
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
