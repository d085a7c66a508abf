import { createHash } from 'node:crypto';
import {
  appendLeaf,
  consistencyProof,
  EMPTY_FRONTIER,
  emptyRoot,
  type Frontier,
  frontierRoot,
  fromHex,
  type Hash,
  HASH_SIZE,
  type HashReader,
  inclusionProof,
  leafHash,
  nodeHash,
  rangeRoot,
  rootFromLeaves,
  toHex,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

const sha256 = (...parts: Uint8Array[]): Hash => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const hexes = (hashes: readonly Hash[]): string[] => hashes.map(toHex);

/** Leaf hashes of a tree; a different seed gives a different tree of the same size. */
function makeLeaves(count: number, seed = 'a'): Hash[] {
  return Array.from({ length: count }, (_, i) => leafHash(bytes(`leaf ${seed} ${i}`)));
}

/** Every aligned complete subtree of the leaves, level by level, as a store that keeps them would. */
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

/**
 * A reader over stored levels that refuses any subtree not entirely inside leaves [start, end): the functions must
 * only read what a store of that tree (or range) would hold.
 */
function boundedReader(levels: Hash[][], end: number, start = 0): HashReader {
  return (level, index) => {
    const first = index * 2 ** level;
    const last = (index + 1) * 2 ** level;
    const hash = levels[level]?.[index];
    if (first < start || last > end || hash === undefined) {
      throw new Error(`read outside [${start}, ${end}): level ${level} index ${index}`);
    }
    return hash;
  };
}

/** A deterministic pseudo-random generator, so failures reproduce. */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}

function flipBit(hash: Hash, bit: number): Hash {
  const copy = hash.slice();
  copy[Math.floor(bit / 8)]! ^= 1 << (bit % 8);
  return copy;
}

/** Every way of tampering with a proof's list of hashes. */
function mutatedProofs(proof: readonly Hash[]): { name: string; proof: Hash[] }[] {
  const mutations: { name: string; proof: Hash[] }[] = [];
  const extra = sha256(bytes('extra'));
  proof.forEach((_, i) => {
    for (const bit of [0, 7, 100, 255]) {
      mutations.push({ name: `flip bit ${bit} of #${i}`, proof: proof.map((h, j) => (j === i ? flipBit(h, bit) : h)) });
    }
    mutations.push({ name: `drop #${i}`, proof: proof.filter((_h, j) => j !== i) });
    for (let j = i + 1; j < proof.length; j++) {
      const swapped = proof.slice();
      [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
      mutations.push({ name: `swap #${i} #${j}`, proof: swapped });
    }
    mutations.push({ name: `duplicate #${i}`, proof: [...proof.slice(0, i + 1), ...proof.slice(i)] });
  });
  for (let at = 0; at <= proof.length; at++) {
    mutations.push({ name: `insert at ${at}`, proof: [...proof.slice(0, at), extra, ...proof.slice(at)] });
  }
  return mutations;
}

// The Certificate Transparency test vectors (RFC 6962 and RFC 9162 hash identically): leaf inputs, the roots of their
// first 1..8 leaves, and published proofs.
const CT_INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('hashing (RFC 9162 §2.1.1)', () => {
  it('prefixes leaves with 0x00 and inner nodes with 0x01', () => {
    const left = sha256(bytes('l'));
    const right = sha256(bytes('r'));
    expect(leafHash(bytes('x'))).toEqual(sha256(Uint8Array.of(0), bytes('x')));
    expect(nodeHash(left, right)).toEqual(sha256(Uint8Array.of(1), left, right));
    expect(nodeHash(left, right)).not.toEqual(nodeHash(right, left));
    expect(leafHash(bytes('x'))).toHaveLength(HASH_SIZE);
  });

  it('gives the empty tree the hash of the empty string', () => {
    expect(toHex(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(rootFromLeaves([])).toEqual(emptyRoot());
  });

  it('matches the Certificate Transparency reference roots and proofs', async () => {
    const leaves = CT_INPUTS.map((input) => leafHash(Buffer.from(input, 'hex')));
    const read = boundedReader(makeLevels(leaves), 8);
    for (let size = 1; size <= 8; size++) {
      expect(toHex(rootFromLeaves(leaves.slice(0, size)))).toBe(CT_ROOTS[size - 1]);
      expect(toHex(await treeRoot(read, size))).toBe(CT_ROOTS[size - 1]);
    }
    expect(hexes(await inclusionProof(read, 0, 8))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(hexes(await inclusionProof(read, 5, 8))).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(hexes(await consistencyProof(read, 2, 8))).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(hexes(await consistencyProof(read, 6, 8))).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
  });
});

describe('hex', () => {
  it('round-trips a hash as lowercase hex', () => {
    const hash = leafHash(bytes('x'));
    expect(toHex(hash)).toMatch(/^[0-9a-f]{64}$/);
    expect(fromHex(toHex(hash))).toEqual(hash);
    expect(fromHex(toHex(hash).toUpperCase())).toEqual(hash);
    expect(toHex(hash.subarray(0, 4))).toBe(toHex(hash).slice(0, 8));
  });

  it.each(['', 'ab', 'a'.repeat(63), 'a'.repeat(65), 'g'.repeat(64), ` ${'a'.repeat(63)}`, `${'a'.repeat(64)}\n`])(
    'refuses %j',
    (text) => {
      expect(() => fromHex(text)).toThrow(RangeError);
    },
  );
});

describe('roots and proofs from stored subtrees, against the RFC definitions', () => {
  const MAX = 300;
  const leaves = makeLeaves(4097);
  const levels = makeLevels(leaves);
  const references = [emptyRoot(), ...Array.from({ length: MAX }, (_, i) => rootFromLeaves(leaves.slice(0, i + 1)))];
  const largeRoots = new Map<number, Hash>();
  const rootOf = (size: number): Hash => {
    if (references[size]) return references[size];
    if (!largeRoots.has(size)) largeRoots.set(size, rootFromLeaves(leaves.slice(0, size)));
    return largeRoots.get(size)!;
  };

  it('treeRoot equals MTH for every size 0..300, reading one subtree per bit of the size', async () => {
    for (let size = 0; size <= MAX; size++) {
      const reads: string[] = [];
      const bounded = boundedReader(levels, size);
      const read: HashReader = (level, index) => {
        reads.push(`${level}/${index}`);
        return bounded(level, index);
      };
      expect(toHex(await treeRoot(read, size))).toBe(toHex(rootOf(size)));
      expect(reads).toHaveLength([...size.toString(2)].filter((bit) => bit === '1').length);
    }
  });

  it.each([1000, 1023, 1024, 1025, 4097])('treeRoot equals MTH at size %d', async (size) => {
    expect(toHex(await treeRoot(boundedReader(levels, size), size))).toBe(toHex(rootOf(size)));
  });

  it('rangeRoot equals MTH of the range for any range, reading only inside it', async () => {
    const next = random(7);
    const ranges: [number, number][] = [
      [0, 0],
      [5, 5],
      [0, 1],
      [8, 16],
      [3, 4],
      [1, 300],
      [255, 257],
      [1024, 4097],
    ];
    for (let i = 0; i < 300; i++) {
      const start = next(400);
      ranges.push([start, start + next(200)]);
    }
    for (const [start, end] of ranges) {
      const root = await rangeRoot(boundedReader(levels, end, start), start, end);
      expect([start, end, toHex(root)]).toEqual([start, end, toHex(rootFromLeaves(leaves.slice(start, end)))]);
    }
  });

  it('reads asynchronously too', async () => {
    const read: HashReader = (level, index) => Promise.resolve(levels[level]![index]!);
    expect(await treeRoot(read, 77)).toEqual(rootOf(77));
    expect(verifyInclusion(leaves[5]!, 5, 77, await inclusionProof(read, 5, 77), rootOf(77))).toBe(true);
  });

  it('refuses invalid ranges and a reader that gives no hash', async () => {
    const read = boundedReader(levels, 10);
    await expect(rangeRoot(read, 5, 4)).rejects.toThrow(RangeError);
    await expect(rangeRoot(read, -1, 4)).rejects.toThrow(RangeError);
    await expect(rangeRoot(read, 0.5, 4)).rejects.toThrow(RangeError);
    await expect(treeRoot(read, -1)).rejects.toThrow(RangeError);
    await expect(treeRoot(() => new Uint8Array(31), 4)).rejects.toThrow(TypeError);
  });

  it('inclusion proofs verify for every size 1..300: every leaf up to 128 leaves, then sampled leaves', async () => {
    const next = random(5);
    for (let size = 1; size <= MAX; size++) {
      const read = boundedReader(levels, size);
      const indices =
        size <= 128
          ? Array.from({ length: size }, (_, i) => i)
          : [0, 1, 127, 128, size - 2, size - 1, ...Array.from({ length: 30 }, () => next(size))];
      for (const index of indices) {
        const proof = await inclusionProof(read, index, size);
        if (!verifyInclusion(leaves[index]!, index, size, proof, rootOf(size))) {
          throw new Error(`inclusion of ${index} in ${size} does not verify`);
        }
      }
    }
  });

  it.each([1000, 1023, 1024, 1025, 4097])('sampled inclusion proofs verify at size %d', async (size) => {
    const read = boundedReader(levels, size);
    const next = random(size);
    const indices = [0, 1, size - 2, size - 1, 511, 512, 1023, ...Array.from({ length: 40 }, () => next(size))];
    for (const index of indices.filter((i) => i < size)) {
      const proof = await inclusionProof(read, index, size);
      expect([index, verifyInclusion(leaves[index]!, index, size, proof, rootOf(size))]).toEqual([index, true]);
    }
  });

  it('every consistency proof verifies, for every pair of sizes up to 100 and sampled pairs up to 300', async () => {
    const pairs: [number, number][] = [];
    for (let to = 1; to <= 100; to++) for (let from = 1; from <= to; from++) pairs.push([from, to]);
    const next = random(3);
    for (let to = 101; to <= MAX; to++) {
      for (const from of [1, 2, 64, 100, 128, 256, to - 1, to, next(to) + 1, next(to) + 1, next(to) + 1]) {
        if (from <= to) pairs.push([from, to]);
      }
    }
    for (const [from, to] of pairs) {
      const proof = await consistencyProof(boundedReader(levels, to), from, to);
      if (!verifyConsistency(from, to, rootOf(from), rootOf(to), proof)) {
        throw new Error(`consistency ${from} -> ${to} does not verify`);
      }
    }
  });

  it.each([1000, 1023, 1024, 1025, 4097])('sampled consistency proofs verify up to size %d', async (to) => {
    const next = random(to);
    const froms = [1, 2, 3, 512, 1000, 1023, 1024, to - 1, to, ...Array.from({ length: 20 }, () => next(to) + 1)];
    for (const from of froms.filter((m) => m <= to)) {
      const proof = await consistencyProof(boundedReader(levels, to), from, to);
      expect([from, verifyConsistency(from, to, rootOf(from), rootOf(to), proof)]).toEqual([from, true]);
    }
  });

  it('gives the RFC edge cases: size 1, first and last leaf, m == n', async () => {
    const read = boundedReader(levels, MAX);
    expect(await inclusionProof(read, 0, 1)).toEqual([]);
    expect(verifyInclusion(leaves[0]!, 0, 1, [], leaves[0]!)).toBe(true);
    expect(rootOf(1)).toEqual(leaves[0]);
    expect(await consistencyProof(read, 1, 1)).toEqual([]);
    expect(await consistencyProof(read, 7, 7)).toEqual([]);
    expect(verifyConsistency(7, 7, rootOf(7), rootOf(7), [])).toBe(true);
    expect(verifyConsistency(7, 7, rootOf(7), rootOf(8), [])).toBe(false);
    expect(verifyConsistency(7, 7, rootOf(7), rootOf(7), [leaves[0]!])).toBe(false);
    // A first tree that is a complete subtree is not sent: its root starts the path.
    expect(await consistencyProof(read, 4, 8)).toEqual([levels[2]![1]]);
    expect(await consistencyProof(read, 1, 2)).toEqual([leaves[1]]);
    // 300 = 256 + 32 + 8 + 4: the last leaf has 2 siblings inside its 4, then one per larger subtree to its left.
    expect(await inclusionProof(read, 299, 300)).toHaveLength(5);
    expect(await inclusionProof(read, 0, 300)).toHaveLength(9);
  });

  it('refuses to build proofs for leaves or trees that are not there', async () => {
    const read = boundedReader(levels, MAX);
    await expect(inclusionProof(read, 0, 0)).rejects.toThrow(RangeError);
    await expect(inclusionProof(read, 5, 5)).rejects.toThrow(RangeError);
    await expect(inclusionProof(read, -1, 5)).rejects.toThrow(RangeError);
    await expect(inclusionProof(read, 1.5, 5)).rejects.toThrow(RangeError);
    await expect(consistencyProof(read, 0, 5)).rejects.toThrow(RangeError);
    await expect(consistencyProof(read, 0, 0)).rejects.toThrow(RangeError);
    await expect(consistencyProof(read, 6, 5)).rejects.toThrow(RangeError);
  });

  it('proofs stay logarithmic: 20 hashes at a million leaves for the worst leaf', async () => {
    // A reader that makes up a distinct hash per subtree: enough to count, without hashing a million leaves.
    const size = 1_000_000;
    const read: HashReader = (level, index) => {
      if ((index + 1) * 2 ** level > size) throw new Error(`read outside the tree: ${level}/${index}`);
      return sha256(bytes(`${level}/${index}`));
    };
    const next = random(11);
    const indices = [0, 1, 524_287, 524_288, 999_998, 999_999, ...Array.from({ length: 50 }, () => next(size))];
    const lengths = await Promise.all(indices.map(async (index) => (await inclusionProof(read, index, size)).length));
    expect(Math.max(...lengths)).toBe(20);
    expect(lengths[0]).toBe(20);
    const froms = [1, 2, 3, 524_288, 524_289, 999_999, ...Array.from({ length: 50 }, () => next(size) + 1)];
    const consistency = await Promise.all(froms.map(async (from) => (await consistencyProof(read, from, size)).length));
    expect(Math.max(...consistency)).toBeLessThanOrEqual(2 * 20);
    expect(consistency[0]).toBe(20);
  });
});

describe('verification refuses tampered proofs', () => {
  const SIZE = 70;
  const leaves = makeLeaves(SIZE);
  const levels = makeLevels(leaves);
  const roots = Array.from({ length: SIZE + 1 }, (_, size) => rootFromLeaves(leaves.slice(0, size)));
  const otherLeaves = makeLeaves(SIZE, 'b');
  const otherLevels = makeLevels(otherLeaves);
  const otherRoots = Array.from({ length: SIZE + 1 }, (_, size) => rootFromLeaves(otherLeaves.slice(0, size)));
  const sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 31, 32, 33, 63, 64, 65, 70];

  it('inclusion: any change to the proof, index, size, leaf or root', async () => {
    let checked = 0;
    for (const size of sizes) {
      for (let index = 0; index < size; index++) {
        const proof = await inclusionProof(boundedReader(levels, size), index, size);
        const leaf = leaves[index]!;
        const root = roots[size]!;
        expect(verifyInclusion(leaf, index, size, proof, root)).toBe(true);
        const refused = (what: string, accepted: boolean): void => {
          checked++;
          if (accepted) throw new Error(`${what} accepted for leaf ${index} of ${size}`);
        };
        for (const mutation of mutatedProofs(proof)) {
          refused(mutation.name, verifyInclusion(leaf, index, size, mutation.proof, root));
        }
        for (const wrong of [index - 1, index + 1]) {
          refused(`index ${wrong}`, verifyInclusion(leaf, wrong, size, proof, root));
        }
        for (const wrong of [size - 1, size + 1]) {
          if (wrong >= 1 && wrong <= SIZE) {
            refused(`size ${wrong} and its root`, verifyInclusion(leaf, index, wrong, proof, roots[wrong]!));
          }
        }
        refused('index == size', verifyInclusion(leaf, size, size, proof, root));
        refused('another leaf', verifyInclusion(leaves[(index + 1) % SIZE]!, index, size, proof, root));
        refused('the leaf input instead of its hash', verifyInclusion(sha256(bytes('x')), index, size, proof, root));
        refused('the root of a smaller tree', verifyInclusion(leaf, index, size, proof, roots[size - 1]!));
        refused('another root', verifyInclusion(leaf, index, size, proof, otherRoots[size]!));
        refused('a flipped root', verifyInclusion(leaf, index, size, proof, flipBit(root, 3)));
        const otherProof = await inclusionProof(boundedReader(otherLevels, size), index, size);
        if (size > 1) refused('a proof from another tree', verifyInclusion(leaf, index, size, otherProof, root));
        refused(
          'a proof from another tree with its root',
          verifyInclusion(leaf, index, size, otherProof, otherRoots[size]!),
        );
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('inclusion: a proof does not bind the size alone, only with the root (which the checkpoint signs)', async () => {
    // Leaf 0 has a path of two right siblings in trees of 3 and of 4 leaves: the size-3 proof checks against the
    // size-3 root whichever of the two sizes is claimed. A claimed size is trusted only next to its signed root.
    const proof = await inclusionProof(boundedReader(levels, 3), 0, 3);
    expect(verifyInclusion(leaves[0]!, 0, 4, proof, roots[3]!)).toBe(true);
    expect(verifyInclusion(leaves[0]!, 0, 4, proof, roots[4]!)).toBe(false);
    // Likewise PROOF(2, D[3]) and PROOF(2, D[4]) are both one right sibling of the first two leaves.
    const consistency = await consistencyProof(boundedReader(levels, 3), 2, 3);
    expect(verifyConsistency(2, 4, roots[2]!, roots[3]!, consistency)).toBe(true);
    expect(verifyConsistency(2, 4, roots[2]!, roots[4]!, consistency)).toBe(false);
    // Whenever another size is accepted with the same root, the proof has the shape (length) of that size's proofs.
    for (const size of sizes) {
      for (let index = 0; index < size; index++) {
        const shortProof = await inclusionProof(boundedReader(levels, size), index, size);
        for (const wrong of [size - 1, size + 1].filter((n) => n > index && n <= SIZE)) {
          if (verifyInclusion(leaves[index]!, index, wrong, shortProof, roots[size]!)) {
            expect((await inclusionProof(boundedReader(levels, wrong), index, wrong)).length).toBe(shortProof.length);
          }
        }
      }
    }
  });

  it('consistency: any change to the proof, sizes or roots', async () => {
    let checked = 0;
    for (const to of sizes) {
      for (let from = 1; from <= to; from++) {
        const proof = await consistencyProof(boundedReader(levels, to), from, to);
        const [fromRoot, toRoot] = [roots[from]!, roots[to]!];
        expect(verifyConsistency(from, to, fromRoot, toRoot, proof)).toBe(true);
        const refused = (what: string, accepted: boolean): void => {
          checked++;
          if (accepted) throw new Error(`${what} accepted for ${from} -> ${to}`);
        };
        for (const mutation of mutatedProofs(proof)) {
          refused(mutation.name, verifyConsistency(from, to, fromRoot, toRoot, mutation.proof));
        }
        for (const wrong of [from - 1, from + 1]) {
          if (wrong >= 0 && wrong <= to) {
            refused(`from ${wrong} and its root`, verifyConsistency(wrong, to, roots[wrong]!, toRoot, proof));
          }
        }
        for (const wrong of [to - 1, to + 1]) {
          if (wrong >= from && wrong <= SIZE) {
            refused(`to ${wrong} and its root`, verifyConsistency(from, wrong, fromRoot, roots[wrong]!, proof));
          }
        }
        refused('from > to', verifyConsistency(to + 1, to, roots[to + 1] ?? toRoot, toRoot, proof));
        refused('from 0', verifyConsistency(0, to, emptyRoot(), toRoot, proof));
        refused('from 0, empty proof', verifyConsistency(0, to, emptyRoot(), toRoot, []));
        refused('swapped roots', from !== to && verifyConsistency(from, to, toRoot, fromRoot, proof));
        refused('another first root', verifyConsistency(from, to, otherRoots[from]!, toRoot, proof));
        refused('another second root', verifyConsistency(from, to, fromRoot, otherRoots[to]!, proof));
        refused('a flipped first root', verifyConsistency(from, to, flipBit(fromRoot, 200), toRoot, proof));
        refused('a flipped second root', verifyConsistency(from, to, fromRoot, flipBit(toRoot, 9), proof));
        if (from < to) {
          refused('an empty proof', verifyConsistency(from, to, fromRoot, toRoot, []));
          const otherProof = await consistencyProof(boundedReader(otherLevels, to), from, to);
          refused('a proof from another tree', verifyConsistency(from, to, fromRoot, toRoot, otherProof));
          refused(
            'a proof from another tree with one of its roots',
            verifyConsistency(from, to, fromRoot, otherRoots[to]!, otherProof),
          );
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('consistency: the empty tree, m == 0 and m == n', () => {
    expect(verifyConsistency(0, 0, emptyRoot(), emptyRoot(), [])).toBe(false);
    expect(verifyConsistency(0, 5, emptyRoot(), roots[5]!, [])).toBe(false);
    expect(verifyConsistency(5, 5, roots[5]!, roots[5]!, [])).toBe(true);
    expect(verifyConsistency(5, 5, roots[5]!, otherRoots[5]!, [])).toBe(false);
    expect(verifyConsistency(1, 1, leaves[0]!, leaves[0]!, [])).toBe(true);
  });

  it('inclusion: the empty tree and malformed input are refused without throwing', () => {
    const leaf = leaves[0]!;
    const root = roots[1]!;
    expect(verifyInclusion(leaf, 0, 0, [], emptyRoot())).toBe(false);
    const bad: [Hash, number, number, Hash[], Hash][] = [
      [leaf, -1, 1, [], root],
      [leaf, 0.5, 1, [], root],
      [leaf, Number.NaN, 1, [], root],
      [leaf, 0, Number.POSITIVE_INFINITY, [], root],
      [leaf, 0, 2 ** 60, [], root],
      [leaf.subarray(0, 31), 0, 1, [], root.subarray(0, 31)],
      [leaf, 0, 1, [], new Uint8Array(33)],
      [leaf, 0, 2, [new Uint8Array(31)], root],
      [leaf, 0, 2, ['not a hash' as unknown as Hash], root],
      [leaf, 0, 2, null as unknown as Hash[], root],
      [null as unknown as Hash, 0, 1, [], root],
    ];
    for (const args of bad) expect(verifyInclusion(...args)).toBe(false);
    expect(verifyConsistency(1, 2, leaf, roots[2]!, [new Uint8Array(31)])).toBe(false);
    expect(verifyConsistency(1, 2, leaf, roots[2]!, 'x' as unknown as Hash[])).toBe(false);
    expect(verifyConsistency(1, 2, leaf, undefined as unknown as Hash, [leaves[1]!])).toBe(false);
    expect(verifyConsistency(1.5, 2, leaf, roots[2]!, [leaves[1]!])).toBe(false);
    expect(verifyConsistency(1, 2, leaf, roots[2]!, [leaves[1]!])).toBe(true);
  });
});

describe('appending', () => {
  const leaves = makeLeaves(1100);
  const levels = makeLevels(leaves);

  it('keeps the root of everything appended and reports exactly the aligned subtrees each leaf completes', async () => {
    let frontier = EMPTY_FRONTIER;
    const stored = new Map<string, Hash>();
    for (let i = 0; i < leaves.length; i++) {
      const result = appendLeaf(frontier, leaves[i]!);
      frontier = result.frontier;
      const size = i + 1;
      const expected: { level: number; index: number; hash: Hash }[] = [];
      for (let level = 0; size % 2 ** level === 0; level++) {
        expected.push({ level, index: size / 2 ** level - 1, hash: levels[level]![size / 2 ** level - 1]! });
      }
      expect(result.completed).toEqual(expected);
      for (const node of result.completed) stored.set(`${node.level}/${node.index}`, node.hash);
      expect(frontier.size).toBe(size);
      const root =
        size <= 300 ? rootFromLeaves(leaves.slice(0, size)) : await treeRoot(boundedReader(levels, size), size);
      if (toHex(frontierRoot(frontier)) !== toHex(root)) throw new Error(`frontier root wrong at size ${size}`);
    }
    // What the appends reported is a complete store: proofs read from it alone verify against the frontier's root.
    const read: HashReader = (level, index) => stored.get(`${level}/${index}`)!;
    const size = leaves.length;
    expect(await treeRoot(read, size)).toEqual(frontierRoot(frontier));
    for (const index of [0, 1, 511, 1023, 1024, 1099]) {
      expect(
        verifyInclusion(leaves[index]!, index, size, await inclusionProof(read, index, size), frontierRoot(frontier)),
      ).toBe(true);
    }
  });

  it('keeps the frontier as the roots of the complete subtrees, largest first, in lowercase hex', () => {
    let frontier = EMPTY_FRONTIER;
    for (const leaf of leaves.slice(0, 11)) frontier = appendLeaf(frontier, leaf).frontier;
    // 11 = 8 + 2 + 1
    expect(frontier).toEqual({ size: 11, nodes: [toHex(levels[3]![0]!), toHex(levels[1]![4]!), toHex(leaves[10]!)] });
  });

  it('resumes from a frontier saved as JSON and leaves the one it was given untouched', () => {
    let frontier = EMPTY_FRONTIER;
    for (const leaf of leaves.slice(0, 6)) frontier = appendLeaf(frontier, leaf).frontier;
    const saved = JSON.stringify(frontier);
    const next = appendLeaf(JSON.parse(saved) as Frontier, leaves[6]!).frontier;
    expect(JSON.stringify(frontier)).toBe(saved);
    expect(frontierRoot(next)).toEqual(rootFromLeaves(leaves.slice(0, 7)));
    expect(EMPTY_FRONTIER).toEqual({ size: 0, nodes: [] });
    expect(frontierRoot(EMPTY_FRONTIER)).toEqual(emptyRoot());
  });

  it('refuses a frontier that does not fit its size, and a leaf that is not a hash', () => {
    const leaf = leaves[0]!;
    expect(() => appendLeaf({ size: 1, nodes: [] }, leaf)).toThrow(RangeError);
    expect(() => appendLeaf({ size: 2, nodes: [toHex(leaf), toHex(leaf)] }, leaf)).toThrow(RangeError);
    expect(() => appendLeaf({ size: -1, nodes: [] }, leaf)).toThrow(RangeError);
    expect(() => appendLeaf({ size: 1, nodes: ['xyz'] }, leaf)).toThrow(RangeError);
    expect(() => frontierRoot({ size: 3, nodes: [toHex(leaf)] })).toThrow(RangeError);
    expect(() => appendLeaf(EMPTY_FRONTIER, leaf.subarray(1))).toThrow(RangeError);
  });
});
