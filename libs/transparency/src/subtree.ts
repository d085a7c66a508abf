import {
  EMPTY_FRONTIER,
  emptyRoot,
  type Frontier,
  fromHex,
  type Hash,
  HASH_SIZE,
  type HashReader,
  nodeHash,
  toHex,
} from './merkle.js';

/**
 * Aligned complete subtrees as building blocks: what lets a verifier recompute a tree's root from part of its leaves.
 * A contiguous range of leaves [a, b) of a tree of n leaves is proven by the frontier of size a (the subtrees covering
 * [0, a)), the range's own leaves, and the maximal aligned subtrees covering [b, n): appended in that order they give
 * MTH(D[n]). Indices and sizes are plain numbers, as in merkle.ts (no bitwise operator, so sizes beyond 2^31 work).
 */

/** The aligned complete subtree of 2^level leaves starting at leaf index·2^level. */
export interface Subtree {
  level: number;
  index: number;
}

const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

function isHash(value: unknown): value is Hash {
  return value instanceof Uint8Array && value.length === HASH_SIZE;
}

function checkSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`Invalid tree size ${size}`);
}

/**
 * The maximal aligned complete subtrees covering leaves [start, end), left to right: from `start`, each time the
 * largest subtree that starts there and ends at or before `end`. `subtreeCover(0, n)` is the frontier of size n (one
 * subtree per bit of n, largest first); `subtreeCover(b, n)` is what follows a range ending at b in a tree of n.
 */
export function subtreeCover(start: number, end: number): Subtree[] {
  checkSize(start);
  checkSize(end);
  if (end < start) throw new RangeError(`Invalid leaf range [${start}, ${end})`);
  const cover: Subtree[] = [];
  for (let at = start; at < end;) {
    let width = 1;
    let level = 0;
    while (at % (width * 2) === 0 && at + width * 2 <= end) {
      width *= 2;
      level += 1;
    }
    cover.push({ level, index: at / width });
    at += width;
  }
  return cover;
}

/**
 * Appends a whole aligned subtree of 2^level leaves, given its root hash, to a frontier: allowed when the frontier's
 * size is a multiple of 2^level (the subtree then starts where the tree ends and is aligned). Returns the frontier of
 * size + 2^level, as if its leaves had been appended one by one. Does not modify the frontier passed in.
 */
export function appendSubtree(frontier: Frontier, hash: Hash, level: number): Frontier {
  const builder = new TreeBuilder(frontier);
  builder.appendSubtree(hash, level);
  return builder.frontier();
}

/** The frontier of the tree of the first `size` leaves, from the stored subtrees a reader serves. */
export async function frontierFromReader(read: HashReader, size: number): Promise<Frontier> {
  const cover = subtreeCover(0, size);
  const nodes = await Promise.all(cover.map(async ({ level, index }) => read(level, index)));
  for (const node of nodes) if (!isHash(node)) throw new TypeError('The reader gave no 32-byte hash');
  return { size, nodes: nodes.map(toHex) };
}

function bitCount(n: number): number {
  let count = 0;
  for (let rest = n; rest > 0; rest = half(rest)) if (isOdd(rest)) count += 1;
  return count;
}

/**
 * A frontier kept as bytes and changed in place: the same tree as `appendLeaf` and `appendSubtree` build, for a
 * verifier appending a million leaves (no hex round trip per leaf). `frontier()` gives the JSON-able form.
 */
export class TreeBuilder {
  private count: number;
  private readonly nodes: Hash[];

  constructor(frontier: Frontier = EMPTY_FRONTIER) {
    const { size, nodes } = frontier;
    if (!Number.isSafeInteger(size) || size < 0 || !Array.isArray(nodes) || nodes.length !== bitCount(size)) {
      throw new RangeError(`Invalid frontier for size ${size}`);
    }
    this.count = size;
    this.nodes = nodes.map(fromHex);
  }

  get size(): number {
    return this.count;
  }

  appendLeaf(leaf: Hash): void {
    this.appendSubtree(leaf, 0);
  }

  /** See `appendSubtree`: a subtree of 2^level leaves whose root is `hash`, when the size is a multiple of 2^level. */
  appendSubtree(hash: Hash, level: number): void {
    if (!isHash(hash)) throw new RangeError('A subtree hash is 32 bytes');
    if (!Number.isSafeInteger(level) || level < 0 || !Number.isSafeInteger(2 ** level)) {
      throw new RangeError(`Invalid subtree level ${level}`);
    }
    const width = 2 ** level;
    if (this.count % width !== 0) {
      throw new RangeError(`A subtree of 2^${level} leaves cannot follow a tree of ${this.count} leaves`);
    }
    if (this.count + width > Number.MAX_SAFE_INTEGER) throw new RangeError('The tree is full');
    let node = hash;
    // Each 1 bit of the size at or above `level` (from the lowest) is a complete subtree waiting for a right sibling.
    for (let rest = this.count / width; isOdd(rest); rest = half(rest)) node = nodeHash(this.nodes.pop()!, node);
    this.nodes.push(node);
    this.count += width;
  }

  /** MTH of the leaves appended: the frontier folded from the right; emptyRoot() for none. */
  root(): Hash {
    if (this.nodes.length === 0) return emptyRoot();
    let root = this.nodes[this.nodes.length - 1]!;
    for (let i = this.nodes.length - 2; i >= 0; i -= 1) root = nodeHash(this.nodes[i]!, root);
    return root;
  }

  frontier(): Frontier {
    return { size: this.count, nodes: this.nodes.map(toHex) };
  }
}
