import { collect, readAhead, type ReadPage } from './paged-read.js';

/** Pages of `size` numbers from 0 to `total` − 1, recording which pages were asked for and when. */
function pages(total: number, size: number, failAt?: number) {
  const asked: number[] = [];
  const read = async (from: number): Promise<ReadPage<number, number>> => {
    asked.push(from);
    await Promise.resolve();
    if (from === failAt) throw new Error(`page at ${from} failed`);
    const items = Array.from({ length: Math.min(size, total - from) }, (_, i) => from + i);
    return { items, next: from + size < total ? from + size : undefined };
  };
  return { asked, read };
}

describe('readAhead', () => {
  it('yields every item of every page in order', async () => {
    const { read } = pages(10, 3);
    expect(await collect(readAhead(0, read))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('asks for the next page as soon as a page arrives, before the reader has gone through it', async () => {
    const { asked, read } = pages(10, 3);
    const iterator = readAhead(0, read)[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe(0);
    await Promise.resolve();
    expect(asked).toEqual([0, 3]);
    await iterator.return?.();
  });

  it('stops reading when the reader stops, leaving no read behind', async () => {
    const { asked, read } = pages(100, 3);
    for await (const item of readAhead(0, read)) if (item === 4) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toEqual([0, 3, 6]);
  });

  it('fails the step that needs a page that failed, after the items before it', async () => {
    const { read } = pages(10, 3, 6);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of readAhead(0, read)) seen.push(item);
      })(),
    ).rejects.toThrow('page at 6 failed');
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reads afresh on each iteration, and not before one starts', async () => {
    const { asked, read } = pages(4, 3);
    const iterable = readAhead(0, read);
    expect(asked).toEqual([]);
    expect(await collect(iterable)).toEqual(await collect(iterable));
    expect(asked).toEqual([0, 3, 0, 3]);
  });
});
