import type { Request } from 'express';
import { isIP } from 'node:net';

/** Where a request came from, for throttling and the sign-in record. */
export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

const MAX_USER_AGENT = 256;
const MAX_ADDRESS = 64;

/**
 * What a client sent, fit for the sign-in journal and a log line: printable ASCII only (HTTP header values are; Node
 * reads any other byte as Latin-1, so a bidirectional override arrives as C1 control characters), each other
 * character shown as `?`, cut at `max`.
 */
export function printableAscii(value: string, max: number): string {
  return value.slice(0, max).replace(/[^\x20-\x7e]/g, '?');
}

/**
 * The client's address as Express sees it (X-Forwarded-For only from proxies TRUST_PROXY names; what such a header
 * holds is only ever shown as printable ASCII), and its user agent, likewise.
 */
export function clientInfo(request: Request): ClientInfo {
  const userAgent = request.header('user-agent');
  const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
  return {
    address: isIP(address) ? address : printableAscii(address, MAX_ADDRESS),
    userAgent: userAgent ? printableAscii(userAgent, MAX_USER_AGENT) : null,
  };
}

/** Express's `trust proxy` from TRUST_PROXY: false, true, a hop count, or a list of addresses and subnets. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
