// Times as an auditor reads them: the record's own clock (UTC) and the port's clocks on both sides of the border.
import type { Side } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { LocalTime } from '../components/common';
import { formatTime, utcText } from '../time/format';
import { sideClocks } from './clocks';

/** "2026-12-06 21:05:07 UTC". */
export function UtcTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>—</span>;
  return <time dateTime={date.toISOString()}>{utcText(date)}</time>;
}

/** An instant on the reader's own clock and in UTC (once, when the reader's clock is UTC). */
export function OwnAndUtcTime({ iso, zone }: { iso: string; zone: string }) {
  const { lang } = useI18n();
  if (formatTime(iso, zone, lang)?.text.endsWith(' UTC') ?? true) return <UtcTime iso={iso} />;
  return (
    <>
      <LocalTime iso={iso} zone={zone} seconds /> · <UtcTime iso={iso} />
    </>
  );
}

/** The sides that read a clock: "U.S.", "Mexico", or both. */
export function useSidesLabel(): (sides: Side[]) => string {
  const { t } = useI18n();
  return (sides) => (sides.length === 2 ? t.audit.bothSides : sides.map((side) => t.side[side]).join(', '));
}

/** An instant on the port's U.S. and Mexican clocks (one line when they agree), each with the side that reads it. */
export function PortTimes({
  iso,
  zones,
  seconds = true,
}: {
  iso: string;
  zones: { us: string; mx: string };
  seconds?: boolean;
}) {
  const { lang } = useI18n();
  const sidesLabel = useSidesLabel();
  const clocks = sideClocks(iso, zones, lang, { seconds });
  if (clocks.length === 0) return <span>—</span>;
  return (
    <span className="port-times">
      {clocks.map((clock) => (
        <span key={clock.zone} className="port-time">
          <time dateTime={clock.dateTime} title={`${clock.zone} · ${utcText(new Date(iso))}`}>
            {clock.text}
          </time>{' '}
          <span className="muted">({sidesLabel(clock.sides)})</span>
        </span>
      ))}
    </span>
  );
}
