// The HTTP client of the console: same-origin JSON requests with the session's token, refusals as ApiError with the
// api's bilingual message, and the headers of safe retries (Idempotency-Key, If-Match).
import type { Lang } from '../i18n';
import type { ApiErrorBody } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: { en: string; es: string },
    readonly details: Record<string, unknown>,
  ) {
    super(messages.en);
  }

  override get name(): string {
    return 'ApiError';
  }

  /** The message in the officer's language. */
  text(lang: Lang): string {
    return this.messages[lang] || this.messages.en;
  }

  /** Validation errors name each field with its message in both languages. */
  fieldMessages(lang: Lang): string[] {
    const fields = this.details.fields;
    if (!Array.isArray(fields)) return [];
    return fields.flatMap((field: unknown) => {
      const message = (field as { message?: { en?: string; es?: string } } | null)?.message;
      const text = message?.[lang] ?? message?.en;
      return typeof text === 'string' ? [text] : [];
    });
  }
}

/** No answer at all (network down, server unreachable): code NETWORK, status 0. */
/** What a request threw, as an api error (anything else, a bug of ours or the browser's, as an unexpected one). */
export function asApiError(thrown: unknown): ApiError {
  return thrown instanceof ApiError
    ? thrown
    : new ApiError(0, 'UNEXPECTED', { en: String(thrown), es: String(thrown) }, {});
}

export function networkError(): ApiError {
  return new ApiError(
    0,
    'NETWORK',
    {
      en: 'The server cannot be reached. Check the connection and try again.',
      es: 'No se puede contactar al servidor. Revise la conexión e intente de nuevo.',
    },
    {},
  );
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  const body = value as Partial<ApiErrorBody> | null;
  return typeof body?.code === 'string' && typeof body.message?.en === 'string' && typeof body.message.es === 'string';
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  idempotencyKey?: string;
  ifMatch?: number;
  signal?: AbortSignal;
  /** `'live'`: this request reads or acts in the live world even while the console is in a drill. */
  world?: 'live';
  /** A file sent as the body as it is (a scenario's spreadsheet), with its content type. */
  upload?: { file: Blob; type: string };
}

/**
 * What the session does for requests: `refresh` renews the access token, resolving with the new one, or undefined
 * when it cannot (the session then ends itself if the api refused, or stays if the api could not be reached).
 * Set by the SessionProvider.
 */
export interface SessionHandlers {
  refresh: () => Promise<string | undefined>;
}

let session: SessionHandlers | undefined;
export function setSessionHandlers(handlers: SessionHandlers | undefined): void {
  session = handlers;
}

/** The header that places a request in a drill's world (decision 0018). */
export const DRILL_HEADER = 'Enlace-Drill';

let drillWorld: string | undefined;
/**
 * While the console is in a drill (an officer joined it), every request but the session's own carries the drill's
 * id, so that every read and write of every view happens in the drill's world. Set by the DrillModeProvider.
 */
export function setDrillWorld(drillId: string | undefined): void {
  drillWorld = drillId;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  // A refused token (expired early, the secret rotated, this tab asleep past its expiry): renew it once and retry
  // the same request (a write keeps its Idempotency-Key).
  if (response.status === 401 && options.token && session) {
    const fresh = await session.refresh();
    if (fresh) return read<T>(await send(method, path, { ...options, token: fresh }));
  }
  return read<T>(response);
}

/** A file the api serves behind the session's token (a spreadsheet), as a Blob to save. */
export async function requestBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  let response = await send('GET', path, options);
  if (response.status === 401 && options.token && session) {
    const fresh = await session.refresh();
    if (fresh) response = await send('GET', path, { ...options, token: fresh });
  }
  if (!response.ok) return read<never>(response);
  return response.blob();
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.upload) headers['content-type'] = options.upload.type;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  if (drillWorld && options.world !== 'live' && !path.startsWith('/api/auth/')) headers[DRILL_HEADER] = drillWorld;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.upload ? { body: options.upload.file } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error | undefined)?.name === 'AbortError') throw error;
    throw networkError();
  }
}

async function read<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    if (isErrorBody(body)) {
      throw new ApiError(response.status, body.code, body.message, body.details ?? {});
    }
    throw new ApiError(
      response.status,
      `HTTP_${response.status}`,
      { en: `The server answered ${response.status}.`, es: `El servidor respondió ${response.status}.` },
      {},
    );
  }
  return body as T;
}

/** A path with `?after=<position>` (or `&after=`) when a position is known. */
export function withAfter(path: string, after: string | undefined): string {
  if (!after) return path;
  return `${path}${path.includes('?') ? '&' : '?'}after=${encodeURIComponent(after)}`;
}

/** One page of a paged list: its items, and where the next page starts (the `X-Next-Cursor` header), if any. */
export interface ListPage<T> {
  items: T[];
  next?: string;
}

/** GETs one page of a paged list (`limit`, `cursor`), reading `X-Next-Cursor` for the next one. */
export async function requestPage<T>(path: string, options: RequestOptions = {}): Promise<ListPage<T>> {
  let response = await send('GET', path, options);
  if (response.status === 401 && options.token && session) {
    const fresh = await session.refresh();
    if (fresh) response = await send('GET', path, { ...options, token: fresh });
  }
  const next = response.headers.get('x-next-cursor');
  const items = await read<T[]>(response);
  return { items, ...(next ? { next } : {}) };
}
