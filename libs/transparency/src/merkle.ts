import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0) §2.1 over SHA-256: the append-only log's commitment to
 * every leaf it holds, with the two proofs a log serves (a leaf is in the tree; an older tree is a prefix of a newer
 * one) and their verification.
 *
 * Leaves and inner nodes are hashed with different one-byte prefixes (0x00, 0x01), so a leaf can never pass for an
 * inner node. A tree of n leaves splits at k, the largest power of two below n: the left part is always a complete
 * (perfect) subtree, and every node of the tree is the root of either an aligned complete subtree (2^level leaves
 * starting at a multiple of 2^level, which never changes once written) or a range built from several of them. The
 * store therefore keeps only aligned complete subtrees (see `HashReader`), and everything else is computed from them.
 *
 * Indices and sizes are plain numbers (safe integers); no bitwise operator is used, so trees beyond 2^31 leaves work.
 */

export type Hash = Uint8Array;

export const HASH_SIZE = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

function sha256(...parts: Uint8Array[]): Hash {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  // A plain Uint8Array (not Node's Buffer subclass), so hashes compare equal however they were made.
  return new Uint8Array(hash.digest());
}

/** The hash of a leaf: SHA-256(0x00 || input). */
export function leafHash(input: Uint8Array): Hash {
  return sha256(LEAF_PREFIX, input);
}

/** The hash of an inner node: SHA-256(0x01 || left || right). */
export function nodeHash(left: Hash, right: Hash): Hash {
  return sha256(NODE_PREFIX, left, right);
}

/** The root of the empty tree, MTH({}): SHA-256 of the empty string. */
export function emptyRoot(): Hash {
  return sha256();
}

/** k in the RFC: the largest power of two strictly smaller than n (n >= 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n >= 1 && splitPoint(n + 1) === n;
}

/** log2 of a power of two, counted rather than computed in floating point. */
function levelOf(powerOfTwo: number): number {
  let level = 0;
  for (let n = powerOfTwo; n > 1; n /= 2) level++;
  return level;
}

/**
 * MTH(D[n]) by the RFC's recursive definition, from the leaf hashes themselves. The reference the reader-based
 * functions are tested against; it hashes every inner node, so it is meant for tests and small trees.
 */
export function rootFromLeaves(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return emptyRoot();
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return nodeHash(rootFromLeaves(leaves.slice(0, k)), rootFromLeaves(leaves.slice(k)));
}

/**
 * The hash of the aligned complete subtree with 2^level leaves number `index`, i.e. leaves [index·2^level,
 * (index+1)·2^level). level 0 = the leaf hashes. The functions below read only subtrees that lie entirely inside the
 * tree they were asked about, so a store can keep exactly the subtrees `appendLeaf` reports as completed.
 */
export type HashReader = (level: number, index: number) => Hash | Promise<Hash>;

function checkRange(start: number, end: number): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Invalid leaf range [${start}, ${end})`);
  }
}

/** MTH(D[start:end]) for a non-empty range, reading an aligned subtree wherever the recursion meets one. */
async function subtreeRoot(read: HashReader, start: number, end: number): Promise<Hash> {
  const n = end - start;
  if (isPowerOfTwo(n) && start % n === 0) {
    const hash = await read(levelOf(n), start / n);
    if (!isHash(hash)) throw new TypeError(`The reader gave no 32-byte hash for leaves [${start}, ${end})`);
    return hash;
  }
  // Not one aligned subtree: split exactly where the RFC's definition of MTH splits.
  const k = splitPoint(n);
  const [left, right] = await Promise.all([subtreeRoot(read, start, start + k), subtreeRoot(read, start + k, end)]);
  return nodeHash(left, right);
}

/**
 * MTH(D[start:end]): the root of the tree whose leaves are those of the range, computed only from aligned complete
 * subtrees inside the range, read through `read`. The range is decomposed as the RFC's recursion splits it (at k, the
 * largest power of two below its length) until each part is an aligned subtree. Every range a tree root or a proof
 * needs starts at a multiple of its largest power of two, so it takes one read per bit of its length; any other range
 * works too, with more reads. The empty range gives emptyRoot().
 */
export async function rangeRoot(read: HashReader, start: number, end: number): Promise<Hash> {
  checkRange(start, end);
  if (start === end) return emptyRoot();
  return subtreeRoot(read, start, end);
}

/** MTH(D[size]): the root of the tree of the first `size` leaves; emptyRoot() for 0. */
export function treeRoot(read: HashReader, size: number): Promise<Hash> {
  return rangeRoot(read, 0, size);
}

/**
 * PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path proving that leaf `index` is in the tree of the first `size`
 * leaves, nearest the leaf first. Throws a RangeError when index >= size.
 */
export async function inclusionProof(read: HashReader, index: number, size: number): Promise<Hash[]> {
  checkRange(0, size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`Leaf ${index} is not in a tree of ${size} leaves`);
  }
  // The RFC recurses into the half holding the leaf and appends the other half's root after the path found there;
  // walking down iteratively gives the siblings root-side first, so they are reversed at the end.
  const siblings: Promise<Hash>[] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      siblings.push(subtreeRoot(read, start + k, end));
      end = start + k;
    } else {
      siblings.push(subtreeRoot(read, start, start + k));
      start += k;
    }
  }
  return (await Promise.all(siblings)).reverse();
}

/**
 * PROOF(m, D[n]) of RFC 9162 §2.1.4.1: the hashes proving that the tree of the first `from` leaves is a prefix of the
 * tree of the first `to` leaves. The RFC defines it for 0 < m <= n: a RangeError for from == 0 (an empty tree is a
 * prefix of every tree; there is nothing to prove) or from > to. from == to gives [].
 */
export async function consistencyProof(read: HashReader, from: number, to: number): Promise<Hash[]> {
  checkRange(from, to);
  if (from === 0) throw new RangeError('A consistency proof needs a non-empty first tree');
  // SUBPROOF(m, D[start:end], whole): `whole` is true while D[start:end] still starts at leaf 0 of the first tree's
  // leftmost path, where the first tree's root is known to the verifier and need not be sent.
  const nodes: Promise<Hash>[] = [];
  let m = from;
  let start = 0;
  let end = to;
  let whole = true;
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      nodes.push(subtreeRoot(read, start + k, end));
      end = start + k;
    } else {
      nodes.push(subtreeRoot(read, start, start + k));
      start += k;
      m -= k;
      whole = false;
    }
  }
  if (!whole) nodes.push(subtreeRoot(read, start, end));
  return (await Promise.all(nodes)).reverse();
}

function isHash(value: unknown): value is Hash {
  return value instanceof Uint8Array && value.length === HASH_SIZE;
}

function equalHashes(a: Hash, b: Hash): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

function isProof(proof: unknown): proof is readonly Hash[] {
  return Array.isArray(proof) && proof.every(isHash);
}

const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/**
 * RFC 9162 §2.1.3.2: whether `proof` shows that `leaf` is leaf number `index` of the tree of `size` leaves whose root
 * is `root`. Never throws: anything malformed is simply not a proof.
 *
 * The proof binds the leaf, its index and the root; it does not bind the size on its own (two sizes whose paths for
 * the index have the same shape accept the same proof for the same root), which is why a size is only trusted
 * together with its root in a signed checkpoint.
 */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash): boolean {
  if (!isHash(leaf) || !isHash(root) || !isProof(proof)) return false;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      // The leaf's subtree is the last, incomplete one at this level: it is promoted unchanged until it is a right
      // child again (or the root's left edge is reached).
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalHashes(r, root);
}

/**
 * RFC 9162 §2.1.4.2: whether `proof` shows that the tree of `from` leaves with root `fromRoot` is a prefix of the tree
 * of `to` leaves with root `toRoot`. Never throws. from == 0 is refused (the RFC requires 0 < first); from == to holds
 * only with an empty proof and equal roots.
 */
export function verifyConsistency(
  from: number,
  to: number,
  fromRoot: Hash,
  toRoot: Hash,
  proof: readonly Hash[],
): boolean {
  if (!isHash(fromRoot) || !isHash(toRoot) || !isProof(proof)) return false;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1 || to < from) return false;
  if (from === to) return proof.length === 0 && equalHashes(fromRoot, toRoot);
  if (proof.length === 0) return false;
  // When the first tree is a complete subtree its root is the first node of the path and is not sent.
  const path = isPowerOfTwo(from) ? [fromRoot, ...proof] : proof;
  let fn = from - 1;
  let sn = to - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalHashes(fr, fromRoot) && equalHashes(sr, toRoot);
}

/**
 * The state of a single writer appending to the tree: the roots of the complete subtrees covering leaves [0, size),
 * largest (leftmost) first, one per bit set in `size`. Plain JSON-able data (lowercase hex) so it can be saved next
 * to a checkpoint and the writer can resume from it.
 */
export interface Frontier {
  size: number;
  nodes: string[];
}

export const EMPTY_FRONTIER: Frontier = Object.freeze({ size: 0, nodes: Object.freeze([]) as unknown as string[] });

function bitCount(n: number): number {
  let count = 0;
  for (let rest = n; rest > 0; rest = half(rest)) if (isOdd(rest)) count++;
  return count;
}

function frontierNodes(frontier: Frontier): Hash[] {
  const { size, nodes } = frontier;
  if (!Number.isSafeInteger(size) || size < 0 || !Array.isArray(nodes) || nodes.length !== bitCount(size)) {
    throw new RangeError(`Invalid frontier for size ${size}`);
  }
  return nodes.map(fromHex);
}

/**
 * Appends one leaf hash. Returns the new frontier and every aligned complete subtree this leaf completed, lowest level
 * first: always {level: 0, index: size, hash: leaf}, then the level-1 node if size + 1 is even, and so on, which are
 * exactly the hashes a store must keep for a `HashReader`. Does not modify the frontier passed in.
 */
export function appendLeaf(
  frontier: Frontier,
  leaf: Hash,
): { frontier: Frontier; completed: { level: number; index: number; hash: Hash }[] } {
  if (!isHash(leaf)) throw new RangeError('A leaf hash is 32 bytes');
  const nodes = frontierNodes(frontier);
  const size = frontier.size;
  if (size >= Number.MAX_SAFE_INTEGER) throw new RangeError('The tree is full');
  let hash = leaf;
  let level = 0;
  const completed = [{ level, index: size, hash }];
  // Each trailing 1 bit of size is a complete subtree of that level waiting for a right sibling of equal size.
  for (let rest = size; isOdd(rest); rest = half(rest)) {
    hash = nodeHash(nodes.pop()!, hash);
    level++;
    completed.push({ level, index: Math.floor(size / 2 ** level), hash });
  }
  nodes.push(hash);
  return { frontier: { size: size + 1, nodes: nodes.map(toHex) }, completed };
}

/** The root of the tree a frontier describes: equals rootFromLeaves of every leaf appended; emptyRoot() for none. */
export function frontierRoot(frontier: Frontier): Hash {
  const nodes = frontierNodes(frontier);
  if (nodes.length === 0) return emptyRoot();
  // MTH splits off the largest complete subtree first, so the root folds the frontier from the right.
  let root = nodes[nodes.length - 1]!;
  for (let i = nodes.length - 2; i >= 0; i--) root = nodeHash(nodes[i]!, root);
  return root;
}

/** A hash as 64 lowercase hex characters. */
export const toHex = (hash: Hash): string => Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString('hex');

/** A hash from 64 hex characters; a RangeError for anything else. */
export const fromHex = (hex: string): Hash => {
  if (typeof hex !== 'string' || !/^[0-9a-fA-F]{64}$/.test(hex)) throw new RangeError('A hash is 64 hex characters');
  return new Uint8Array(Buffer.from(hex, 'hex'));
};
