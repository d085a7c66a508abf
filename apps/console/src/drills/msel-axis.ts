// Where each inject of an MSEL sits on the scenario's time axis (an inline SVG): x by offset in minutes, main
// injects on rows above the axis (a new row when a label would touch the one before), contingencies on a band below,
// each linked to the inject whose missed deadline releases it. Pure, so it is tested without a browser.

export interface AxisInject {
  id: string;
  offsetMinutes: number;
  contingencyFor?: string;
}

export interface AxisMark {
  id: string;
  offsetMinutes: number;
  x: number;
  y: number;
  contingency: boolean;
}

export interface AxisLayout {
  width: number;
  height: number;
  /** The axis line's height and its ends. */
  axisY: number;
  x0: number;
  x1: number;
  ticks: { minute: number; x: number }[];
  marks: AxisMark[];
  /** From a contingency to the inject it watches. */
  links: { from: string; to: string; x1: number; y1: number; x2: number; y2: number }[];
}

export interface AxisOptions {
  width?: number;
  /** The least distance between two labels on one row. */
  labelWidth?: number;
  rowHeight?: number;
  margin?: number;
}

const TICK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 720, 1440];

/** A tick step that puts at most `maxTicks` intervals on the axis. */
export function tickStep(spanMinutes: number, maxTicks = 8): number {
  return TICK_STEPS.find((step) => spanMinutes / step <= maxTicks) ?? Math.ceil(spanMinutes / maxTicks);
}

/** Greedy rows: each mark on the first row whose last label ends before it. */
function rowsFor(xs: number[], labelWidth: number): number[] {
  const ends: number[] = [];
  return xs.map((x) => {
    let row = ends.findIndex((end) => end + labelWidth <= x);
    if (row === -1) row = ends.push(x) - 1;
    else ends[row] = x;
    return row;
  });
}

export function layoutMselAxis(injects: readonly AxisInject[], options: AxisOptions = {}): AxisLayout {
  const { width = 760, labelWidth = 64, rowHeight = 20, margin = 36 } = options;
  const last = Math.max(0, ...injects.map((inject) => inject.offsetMinutes));
  const step = tickStep(Math.max(last, 1));
  const span = Math.max(step, Math.ceil(last / step) * step);
  const x0 = margin;
  const x1 = width - margin;
  const xOf = (minute: number) => x0 + ((x1 - x0) * minute) / span;

  const main = injects.filter((inject) => !inject.contingencyFor);
  const contingencies = injects.filter((inject) => inject.contingencyFor);
  const mainRows = rowsFor(
    main.map((inject) => xOf(inject.offsetMinutes)),
    labelWidth,
  );
  const contingencyRows = rowsFor(
    contingencies.map((inject) => xOf(inject.offsetMinutes)),
    labelWidth,
  );
  const above = Math.max(0, ...mainRows) + 1;
  const axisY = 12 + above * rowHeight + 8;
  const marks: AxisMark[] = [
    ...main.map((inject, i) => ({
      id: inject.id,
      offsetMinutes: inject.offsetMinutes,
      x: xOf(inject.offsetMinutes),
      y: axisY - 14 - mainRows[i]! * rowHeight,
      contingency: false,
    })),
    ...contingencies.map((inject, i) => ({
      id: inject.id,
      offsetMinutes: inject.offsetMinutes,
      x: xOf(inject.offsetMinutes),
      y: axisY + 40 + contingencyRows[i]! * rowHeight,
      contingency: true,
    })),
  ];
  const byId = new Map(marks.map((mark) => [mark.id, mark]));
  const links = contingencies.flatMap((inject) => {
    const from = byId.get(inject.id);
    const to = byId.get(inject.contingencyFor!);
    return from && to ? [{ from: from.id, to: to.id, x1: from.x, y1: from.y, x2: to.x, y2: to.y }] : [];
  });
  const below = contingencies.length ? Math.max(0, ...contingencyRows) + 1 : 0;
  const ticks: AxisLayout['ticks'] = [];
  for (let minute = 0; minute <= span; minute += step) ticks.push({ minute, x: xOf(minute) });
  return {
    width,
    height: axisY + 30 + (below ? 14 + below * rowHeight : 0),
    axisY,
    x0,
    x1,
    ticks,
    marks,
    links,
  };
}
