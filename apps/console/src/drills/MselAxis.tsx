// The MSEL on the scenario's time axis: an inline SVG (no library), laid out by msel-axis.ts. Its text alternative
// is the MSEL table next to it; the figure says what it shows.
import type { Inject } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { layoutMselAxis } from './msel-axis';

export function MselAxis({ injects }: { injects: readonly Inject[] }) {
  const { t } = useI18n();
  const layout = layoutMselAxis(injects);
  const last = layout.ticks.at(-1)?.minute ?? 0;
  return (
    <figure className="msel-axis-figure">
      <svg
        className="msel-axis"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={t.scenarios.axisLabel(injects.length, last)}
        data-testid="msel-axis"
      >
        {layout.links.map((link) => (
          <path
            key={`${link.from}-${link.to}`}
            className="axis-link"
            d={`M${link.x1},${link.y1} C${link.x1},${layout.axisY} ${link.x2},${layout.axisY} ${link.x2},${link.y2}`}
          />
        ))}
        <line className="axis-line" x1={layout.x0} x2={layout.x1} y1={layout.axisY} y2={layout.axisY} />
        {layout.ticks.map((tick) => (
          <g key={tick.minute}>
            <line className="axis-tick" x1={tick.x} x2={tick.x} y1={layout.axisY - 4} y2={layout.axisY + 4} />
            <text x={tick.x} y={layout.axisY + 16} textAnchor="middle">
              {tick.minute}
            </text>
          </g>
        ))}
        <text x={layout.x1} y={layout.axisY + 30} textAnchor="end">
          {t.scenarios.axisMinutes}
        </text>
        {layout.marks.map((mark) => (
          <g key={mark.id} data-inject={mark.id} data-contingency={mark.contingency}>
            <line className="axis-tick" x1={mark.x} x2={mark.x} y1={mark.y} y2={layout.axisY} strokeOpacity={0.25} />
            {mark.contingency ? (
              <rect className="mark-contingency" x={mark.x - 5} y={mark.y - 5} width={10} height={10} />
            ) : (
              <circle className="mark-main" cx={mark.x} cy={mark.y} r={5} />
            )}
            <text x={mark.x + 8} y={mark.y + 4}>
              {mark.id}
              {mark.contingency ? ` (${t.scenarios.axisContingency})` : ''}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
