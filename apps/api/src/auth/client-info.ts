import type { Request } from 'express';

/** Where a request came from, for throttling and the sign-in record. */
export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

const MAX_USER_AGENT = 256;

/** The client's address as Express sees it (X-Forwarded-For only from proxies TRUST_PROXY names), and its user agent. */
export function clientInfo(request: Request): ClientInfo {
  const userAgent = request.header('user-agent');
  return {
    address: request.ip ?? request.socket.remoteAddress ?? 'unknown',
    userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT) : null,
  };
}

/** Express's `trust proxy` from TRUST_PROXY: false, true, a hop count, or a list of addresses and subnets. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
