/** One page of a paged read: its items, and where the next page starts (`undefined`: this was the last). */
export interface ReadPage<Item, Cursor> {
  items: readonly Item[];
  next: Cursor | undefined;
}

/**
 * The items of successive pages as one async iterable; each iteration reads afresh from `first`. The next page is
 * asked for as soon as a page arrives, so the reader works through one page while the store reads the next: a long
 * read costs the slower of reading and handling, not their sum, and holds at most two pages. A reader that stops
 * early leaves one read-ahead behind, which is awaited and dropped (its failure included). `read` runs only when the
 * iteration asks for a page, so a bad argument it checks fails the iteration's first step.
 */
export function readAhead<Item, Cursor>(
  first: Cursor,
  read: (cursor: Cursor) => Promise<ReadPage<Item, Cursor>>,
): AsyncIterable<Item> {
  return { [Symbol.asyncIterator]: () => new ReadAheadIterator(first, read) };
}

/**
 * A hand-written iterator rather than an async generator: an item of a page already read costs one resolved promise,
 * not a generator's round trips (a million-event read takes a million steps).
 */
class ReadAheadIterator<Item, Cursor> implements AsyncIterator<Item> {
  private page: readonly Item[] = [];
  private index = 0;
  private pending: Promise<ReadPage<Item, Cursor>> | undefined;
  private finished = false;

  constructor(
    first: Cursor,
    private readonly read: (cursor: Cursor) => Promise<ReadPage<Item, Cursor>>,
  ) {
    this.pending = this.ahead(first);
  }

  next(): Promise<IteratorResult<Item>> {
    if (this.index < this.page.length) return Promise.resolve({ value: this.page[this.index++]!, done: false });
    return this.nextPage();
  }

  async return(): Promise<IteratorResult<Item>> {
    this.finish();
    const pending = this.pending;
    this.pending = undefined;
    await pending?.catch(() => undefined);
    return { value: undefined, done: true };
  }

  private async nextPage(): Promise<IteratorResult<Item>> {
    while (!this.finished && this.pending) {
      let page: ReadPage<Item, Cursor>;
      try {
        page = await this.pending;
      } catch (error) {
        this.finish();
        this.pending = undefined;
        throw error;
      }
      this.pending = page.next === undefined ? undefined : this.ahead(page.next);
      this.page = page.items;
      this.index = 0;
      if (this.index < this.page.length) return { value: this.page[this.index++]!, done: false };
    }
    this.finish();
    return { value: undefined, done: true };
  }

  private ahead(cursor: Cursor): Promise<ReadPage<Item, Cursor>> {
    const reading = Promise.resolve().then(() => this.read(cursor));
    reading.catch(() => undefined); // a read-ahead nobody awaits (the reader stopped) must not go unhandled
    return reading;
  }

  private finish(): void {
    this.finished = true;
    this.page = [];
    this.index = 0;
  }
}

/** Every item of a short read, as an array (a stream of one incident, a test's expectations). */
export async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of items) all.push(item);
  return all;
}
