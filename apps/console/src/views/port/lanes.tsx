// Lanes by mode and direction, the lane picker of the port forms, and which side each lane belongs to.
import { DIRECTIONS, LANE_MODES, SIDE_OF_DIRECTION, type LaneId, type PortStatus, type Side } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

export function sideOfLane(lane: LaneId): Side {
  return lane.endsWith(':southbound') ? SIDE_OF_DIRECTION.southbound : SIDE_OF_DIRECTION.northbound;
}

/** The lanes a side closes and reopens: those into its own country. */
export function lanesOfSide(lanes: readonly LaneId[], side: Side): LaneId[] {
  return lanes.filter((lane) => sideOfLane(lane) === side);
}

export function laneLabel(t: ReturnType<typeof useI18n>['t'], lane: LaneId): string {
  const [mode, direction] = lane.split(':') as [keyof typeof t.laneMode, keyof typeof t.directionShort];
  return `${t.laneMode[mode]} — ${t.directionShort[direction]}`;
}

export function Lanes({ port }: { port: PortStatus }) {
  const { t } = useI18n();
  const modes = LANE_MODES.filter((mode) => port.laneStatus.some((lane) => lane.mode === mode));
  return (
    <div className="table-wrap">
      <table className="table lanes-table" data-testid="lanes">
        <caption className="visually-hidden">{t.lanes}</caption>
        <thead>
          <tr>
            <th scope="col">{t.laneColumn}</th>
            {DIRECTIONS.map((direction) => (
              <th scope="col" key={direction} title={t.direction[direction]}>
                <span aria-hidden="true">{direction === 'northbound' ? '↑ ' : '↓ '}</span>
                {t.directionShort[direction]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {modes.map((mode) => (
            <tr key={mode}>
              <th scope="row">{t.laneMode[mode]}</th>
              {DIRECTIONS.map((direction) => {
                const lane = port.laneStatus.find((l) => l.mode === mode && l.direction === direction);
                return (
                  <td key={direction} data-lane={`${mode}:${direction}`} data-status={lane?.status}>
                    {lane ? (
                      <span className={`lane lane-${lane.status}`}>
                        <span aria-hidden="true">{lane.status === 'open' ? '●' : '■'} </span>
                        {t.laneStatus[lane.status]}
                      </span>
                    ) : (
                      <span className="muted">{t.noLane}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        ↑ {t.direction.northbound} · ↓ {t.direction.southbound}
      </p>
    </div>
  );
}

/** Checkboxes for lanes, with "all lanes". */
export function LanePicker({
  legend,
  lanes,
  chosen,
  onChange,
  name,
}: {
  legend: string;
  lanes: LaneId[];
  chosen: Set<LaneId>;
  onChange: (chosen: Set<LaneId>) => void;
  name: string;
}) {
  const { t } = useI18n();
  const all = chosen.size === lanes.length;
  return (
    <fieldset className="lane-picker">
      <legend>{legend}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={all}
          onChange={() => onChange(all ? new Set() : new Set(lanes))}
          name={`${name}-all`}
        />
        <strong>{t.allLanes}</strong>
      </label>
      <div className="check-grid">
        {lanes.map((lane) => (
          <label className="check" key={lane}>
            <input
              type="checkbox"
              name={name}
              value={lane}
              checked={chosen.has(lane)}
              onChange={() => {
                const next = new Set(chosen);
                if (next.has(lane)) next.delete(lane);
                else next.add(lane);
                onChange(next);
              }}
            />
            {laneLabel(t, lane)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
