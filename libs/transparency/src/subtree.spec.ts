import fc from 'fast-check';
import {
  appendLeaf,
  EMPTY_FRONTIER,
  type Frontier,
  frontierRoot,
  type Hash,
  type HashReader,
  leafHash,
  nodeHash,
  rootFromLeaves,
  toHex,
} from './merkle.js';
import { appendSubtree, frontierFromReader, subtreeCover, TreeBuilder } from './subtree.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function makeLeaves(count: number, seed = 'a'): Hash[] {
  return Array.from({ length: count }, (_, i) => leafHash(bytes(`leaf ${seed} ${i}`)));
}

/** Every aligned complete subtree of the leaves, level by level, as the sealer's tiles keep them. */
function makeLevels(leaves: readonly Hash[]): Hash[][] {
  const levels = [leaves.slice()];
  for (let below = levels[0]!; below.length >= 2;) {
    const level = Array.from({ length: Math.floor(below.length / 2) }, (_, i) =>
      nodeHash(below[2 * i]!, below[2 * i + 1]!),
    );
    levels.push(level);
    below = level;
  }
  return levels;
}

function frontierOf(leaves: readonly Hash[]): Frontier {
  let frontier = EMPTY_FRONTIER;
  for (const leaf of leaves) frontier = appendLeaf(frontier, leaf).frontier;
  return frontier;
}

/** A reader that refuses any subtree not entirely inside the first `size` leaves. */
function boundedReader(levels: Hash[][], size: number): HashReader {
  return (level, index) => {
    const hash = levels[level]?.[index];
    if ((index + 1) * 2 ** level > size || hash === undefined) throw new Error(`read ${level}/${index} past ${size}`);
    return hash;
  };
}

describe('subtreeCover', () => {
  it('is the frontier of size n from 0 (one subtree per bit, largest first)', () => {
    expect(subtreeCover(0, 13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(subtreeCover(0, 0)).toEqual([]);
    expect(subtreeCover(0, 16)).toEqual([{ level: 4, index: 0 }]);
  });

  it('covers the rest of a tree after a range with maximal aligned subtrees, left to right', () => {
    expect(subtreeCover(5, 16)).toEqual([
      { level: 0, index: 5 },
      { level: 1, index: 3 },
      { level: 3, index: 1 },
    ]);
    expect(subtreeCover(6, 7)).toEqual([{ level: 0, index: 6 }]);
    expect(subtreeCover(7, 7)).toEqual([]);
  });

  it('tiles the range exactly, each subtree aligned', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        let at = start;
        for (const { level, index } of subtreeCover(start, end)) {
          expect(index * 2 ** level).toBe(at);
          at += 2 ** level;
        }
        expect(at).toBe(end);
      }),
    );
  });

  it('refuses a reversed or invalid range', () => {
    expect(() => subtreeCover(5, 4)).toThrow(RangeError);
    expect(() => subtreeCover(-1, 4)).toThrow(RangeError);
    expect(() => subtreeCover(0, 1.5)).toThrow(RangeError);
  });
});

describe('appendSubtree', () => {
  it('gives the frontier of appending the subtree’s leaves one by one', () => {
    const leaves = makeLeaves(24);
    const levels = makeLevels(leaves);
    // 8 leaves, then the subtree of leaves 8..15 (level 3), then 16..23.
    let frontier = frontierOf(leaves.slice(0, 8));
    frontier = appendSubtree(frontier, levels[3]![1]!, 3);
    expect(frontier).toEqual(frontierOf(leaves.slice(0, 16)));
    frontier = appendSubtree(frontier, levels[3]![2]!, 3);
    expect(frontier).toEqual(frontierOf(leaves));
    expect(toHex(frontierRoot(frontier))).toBe(toHex(rootFromLeaves(leaves)));
  });

  it('proves a range: the frontier before it, its leaves, then the cover after it make the root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 700 }), fc.nat(), fc.nat(), (n, x, y) => {
        const leaves = makeLeaves(n, String(n));
        const levels = makeLevels(leaves);
        const [a, b] = [x % (n + 1), y % (n + 1)].sort((p, q) => p - q) as [number, number];
        const builder = new TreeBuilder(frontierOf(leaves.slice(0, a)));
        for (const leaf of leaves.slice(a, b)) builder.appendLeaf(leaf);
        for (const { level, index } of subtreeCover(b, n)) builder.appendSubtree(levels[level]![index]!, level);
        expect(builder.size).toBe(n);
        expect(toHex(builder.root())).toBe(toHex(rootFromLeaves(leaves)));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a subtree the size is not a multiple of, or a bad hash or level', () => {
    const leaves = makeLeaves(6);
    const frontier = frontierOf(leaves);
    expect(() => appendSubtree(frontier, leaves[0]!, 2)).toThrow(/cannot follow a tree of 6/);
    expect(() => appendSubtree(frontier, new Uint8Array(31), 1)).toThrow(RangeError);
    expect(() => appendSubtree(frontier, leaves[0]!, -1)).toThrow(RangeError);
    expect(() => appendSubtree(frontier, leaves[0]!, 1.5)).toThrow(RangeError);
    expect(() => appendSubtree({ size: 3, nodes: [] }, leaves[0]!, 0)).toThrow(/Invalid frontier/);
    // The frontier passed in is left as it was.
    appendSubtree(frontier, leaves[0]!, 1);
    expect(frontier).toEqual(frontierOf(leaves));
  });
});

describe('TreeBuilder', () => {
  it('builds the same frontier and root as appendLeaf, leaf by leaf', () => {
    const leaves = makeLeaves(300);
    const builder = new TreeBuilder();
    let frontier = EMPTY_FRONTIER;
    expect(toHex(builder.root())).toBe(toHex(rootFromLeaves([])));
    for (const leaf of leaves) {
      builder.appendLeaf(leaf);
      frontier = appendLeaf(frontier, leaf).frontier;
      expect(builder.size).toBe(frontier.size);
    }
    expect(builder.frontier()).toEqual(frontier);
    expect(toHex(builder.root())).toBe(toHex(frontierRoot(frontier)));
  });
});

describe('frontierFromReader', () => {
  it('reads the frontier of any size from the stored subtrees, nothing past it', async () => {
    const leaves = makeLeaves(100);
    const levels = makeLevels(leaves);
    for (const size of [0, 1, 2, 37, 64, 99, 100]) {
      expect(await frontierFromReader(boundedReader(levels, size), size)).toEqual(frontierOf(leaves.slice(0, size)));
    }
  });
});
