// A year's notification drills per BLM (Border 2025 counts them): for each BLM how many were held, the trend of its
// members' acknowledgment time over the year in words, and each drill with its in-time, late and never counts and
// its median acknowledgment time, linked to the drill. The year is in the address (`?year=`), this year by default.
import type { BlmDrillYear } from '../api/types';
import { ChoiceField, ColumnHeads, Loadable, LocalTime } from '../components/common';
import { useTitle } from '../components/hooks';
import { minutesText, yearChoices } from '../drills/notification-drills';
import { plainText } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';
import { Link, useRouter } from '../router/Router';
import { useResource } from '../state/DataProvider';
import '../drills/drills.css';

function BlmYear({ line }: { line: BlmDrillYear }) {
  const { t, lang } = useI18n();
  const n = t.drills.notification;
  const c = n.yearColumns;
  const headingId = `year-${line.blmId}-title`;
  return (
    <section
      className="panel"
      aria-labelledby={headingId}
      data-testid={`blm-year-${line.blmId}`}
      data-count={line.count}
      data-trend={line.trend}
    >
      <h2 id={headingId}>{line.blmName[lang]}</h2>
      <p>
        <strong>{n.count(line.count)}</strong>
        {' · '}
        {n.trendLabel}: <span data-testid={`trend-${line.blmId}`}>{n.trend[line.trend]}</span>
      </p>
      {line.drills.length === 0 ? null : (
        <div className="table-wrap">
          <table className="table">
            <ColumnHeads labels={[c.drill, c.issued, c.inTime, c.late, c.never, c.median]} />
            <tbody>
              {line.drills.map((drill) => (
                <tr key={drill.drillId} data-testid={`year-drill-${line.blmId}-${drill.drillId}`}>
                  <th scope="row">
                    <Link to={{ name: 'drill', drillId: drill.drillId }}>{plainText(drill.title, lang)}</Link>
                    {drill.ended ? null : <span className="muted block">{n.notEnded}</span>}
                  </th>
                  <td>
                    <LocalTime iso={drill.issuedAt} zone={Intl.DateTimeFormat().resolvedOptions().timeZone} />
                  </td>
                  <td>{`${drill.summary.inTime} / ${drill.summary.recipients}`}</td>
                  <td>{drill.summary.late}</td>
                  <td>{drill.summary.never}</td>
                  <td>
                    {drill.summary.medianMinutes === undefined
                      ? n.noMedian
                      : n.minutes(minutesText(drill.summary.medianMinutes, lang))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function NotificationDrillYear({ year }: { year: number | undefined }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const n = t.drills.notification;
  useTitle(n.yearTitle);
  const thisYear = new Date().getFullYear();
  const chosen = year ?? thisYear;
  const summary = useResource<BlmDrillYear[]>(`/api/drills/notification-summary?year=${chosen}`);
  return (
    <section className="card" aria-labelledby="notification-year-title" data-testid="notification-year">
      <div className="page-head">
        <h1 id="notification-year-title">{n.yearTitle}</h1>
        <Link to={{ name: 'drills' }}>{t.drills.title}</Link>
      </div>
      <p className="muted">{n.yearIntro}</p>
      <ChoiceField
        id="notification-year"
        label={n.year}
        value={String(chosen)}
        values={yearChoices(thisYear, chosen).map(String)}
        labelOf={(value) => value}
        onChange={(value) => navigate({ name: 'notification-drills', year: Number(value) })}
      />
      <Loadable resource={summary}>
        {(lines) => (
          <>
            {lines.every((line) => line.count === 0) ? <p>{n.noDrills}</p> : null}
            {lines.map((line) => (
              <BlmYear key={line.blmId} line={line} />
            ))}
          </>
        )}
      </Loadable>
    </section>
  );
}
