/** One difference between two JSON values: where (a JSON path such as `status` or `lanes[2].status`), from what, to what. */
export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Every leaf that differs between two JSON values, in a stable order (keys sorted, array items by index): what an
 * auditor reads as "what changed between these two moments". Absent and undefined are the same; a value that appears
 * or disappears is one change at its path.
 */
export function changesBetween(before: unknown, after: unknown, path = ''): Change[] {
  if (Object.is(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changesBetween(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) =>
      changesBetween(before[index], after[index], `${path}[${index}]`),
    ).flat();
  }
  if (before === undefined && after === undefined) return [];
  return [{ path: path || '$', before: before ?? null, after: after ?? null }];
}
