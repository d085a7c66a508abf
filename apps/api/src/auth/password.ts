import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1 (128 MiB and ~0.3 s of a core per hash). */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1, keyLength: 32 } as const;
/** Largest cost factor accepted from a stored hash (a hash file is configuration, not to be trusted blindly). */
const MAX_N = 2 ** 20;

/**
 * Checked when the account name is unknown: the same parameters as a real hash, so a refusal takes as long whether or
 * not the account exists. Its salt and hash are zeros; no password matches it.
 */
export const UNKNOWN_ACCOUNT_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(SCRYPT.keyLength).toString('base64')}`;

interface Parsed {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): Parsed | undefined {
  const match = FORMAT.exec(stored);
  if (!match) return undefined;
  const [, n, r, p, salt, hash] = match;
  const parsed = {
    n: Number(n),
    r: Number(r),
    p: Number(p),
    salt: Buffer.from(salt!, 'base64'),
    hash: Buffer.from(hash!, 'base64'),
  };
  const powerOfTwo = parsed.n > 1 && (parsed.n & (parsed.n - 1)) === 0;
  const sane = powerOfTwo && parsed.n <= MAX_N && parsed.r >= 1 && parsed.r <= 32 && parsed.p >= 1 && parsed.p <= 16;
  return sane && parsed.hash.length >= 16 ? parsed : undefined;
}

function derive(password: string, salt: Buffer, n: number, r: number, p: number, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, length, { N: n, r, p, maxmem: 256 * n * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64, at the current parameters. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyLength);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function isPasswordHash(value: string): boolean {
  return parse(value) !== undefined;
}

/** Whether a stored hash uses other parameters than the current ones (it is re-hashed at the next sign-in). */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return (
    !parsed ||
    parsed.n !== SCRYPT.N ||
    parsed.r !== SCRYPT.r ||
    parsed.p !== SCRYPT.p ||
    parsed.hash.length !== SCRYPT.keyLength
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.n, parsed.r, parsed.p, parsed.hash.length);
  return timingSafeEqual(actual, parsed.hash);
}
