import { type BilingualText, LIVE, SEVERITIES, type Severity, type Side, type World } from '@enlace/domain';

/**
 * How one agency is reached besides the console feed (which always applies). `exercise: true` marks an endpoint that
 * accepts a drill's messages (marked EXERCISE, with the drill's id); a drill reaches no other: by default a drill's
 * notifications reach only the consoles of the drill.
 */
export interface AgencyChannels {
  agency: string;
  side: Side;
  webhook?: { url: string; secret: string; exercise: boolean };
  email?: { address: string; exercise: boolean };
}

export interface EscalationAddressee {
  agency: string;
  side: Side;
  name: BilingualText;
}

export interface EscalationTier {
  tier: number;
  name: Required<BilingualText>;
  addressees: EscalationAddressee[];
}

export interface EscalationChain {
  tiers: EscalationTier[];
}

/**
 * Where the worker sends: `network` (the default) over SMTP and HTTP to the configured endpoints; `local` into the
 * local outbox on this machine instead (an in-process mail catcher and webhook sink whose messages admins read in the
 * console), for the embedded default, where no relay or receiver exists. Production refuses `local`.
 */
export const OUTBOX_MODES = ['network', 'local'] as const;
export type OutboxMode = (typeof OUTBOX_MODES)[number];

/** `config/notification-delivery.json`: retries, channels per agency and escalation chains per BLM. */
export interface DeliveryConfig {
  outbox: OutboxMode;
  retry: { attempts: number; backoffBaseMs: number };
  webhook: { timeoutMs: number };
  /**
   * `verifyCertificates` (default true): the server's TLS certificate must be valid for `host`, with implicit TLS
   * (`secure`) or STARTTLS. false accepts any certificate (a local relay with a self-signed one), and is logged.
   * `allowPlainText` (default false): without implicit TLS, the server must offer STARTTLS and the mail goes only
   * after it (someone on the way cannot strip the offer and read the mail); true sends in plain text to a server that
   * offers no TLS, for a relay on this machine. Production refuses it for any host but a loopback one.
   */
  smtp: {
    host: string;
    port: number;
    secure: boolean;
    from: string;
    verifyCertificates: boolean;
    allowPlainText: boolean;
  };
  /** Tier N is due at the notification's deadline + (N − 1) × this interval. */
  escalationIntervalSeconds: Record<Severity, number>;
  worker: { concurrency: number; lockDurationMs: number; stalledIntervalMs: number };
  agencies: AgencyChannels[];
  escalation: { default: EscalationChain; byBlm: Record<string, EscalationChain> };
}

export class InvalidDeliveryConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid notification delivery config (${source}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidDeliveryConfigError';
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const SIDES: readonly Side[] = ['US', 'MX'];
const AGENCY = /^[A-Z][A-Z0-9-]{1,31}$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * Reads the values it needs and records every problem instead of stopping at the first, so an operator fixes the
 * file in one pass.
 */
class Reader {
  readonly problems: string[] = [];

  object(value: unknown, path: string): Json {
    if (isObject(value)) return value;
    this.problems.push(`${path}: must be an object`);
    return {};
  }

  array(value: unknown, path: string): unknown[] {
    if (Array.isArray(value)) return value;
    this.problems.push(`${path}: must be an array`);
    return [];
  }

  integer(value: unknown, path: string, min: number, max: number): number {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    this.problems.push(`${path}: must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`);
    return min;
  }

  string(value: unknown, path: string, rule?: { pattern: RegExp; message: string }): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.problems.push(`${path}: must be a non-empty string`);
      return '';
    }
    if (rule && !rule.pattern.test(value)) {
      this.problems.push(`${path}: ${rule.message} (got ${JSON.stringify(value)})`);
    }
    return value;
  }

  /** An optional true/false (absent: false). */
  flag(value: unknown, path: string): boolean {
    if (value !== undefined && typeof value !== 'boolean') this.problems.push(`${path}: must be true or false`);
    return value === true;
  }

  side(value: unknown, path: string): Side {
    if (value === 'US' || value === 'MX') return value;
    this.problems.push(`${path}: must be "US" or "MX" (got ${JSON.stringify(value)})`);
    return SIDES[0]!;
  }

  url(value: unknown, path: string): string {
    const text = this.string(value, path);
    if (text && !/^https?:\/\/\S+$/.test(text)) this.problems.push(`${path}: must be an http(s) URL`);
    return text;
  }

  bilingual(value: unknown, path: string): Required<BilingualText> {
    const text = this.object(value, path);
    return { en: this.string(text.en, `${path}.en`), es: this.string(text.es, `${path}.es`) };
  }
}

function readChain(reader: Reader, value: unknown, path: string): EscalationChain {
  const tiers = reader.array(reader.object(value, path).tiers, `${path}.tiers`).map((raw, index) => {
    const at = `${path}.tiers[${index}]`;
    const tier = reader.object(raw, at);
    const addressees = reader.array(tier.addressees, `${at}.addressees`).map((rawAddressee, n) => {
      const where = `${at}.addressees[${n}]`;
      const addressee = reader.object(rawAddressee, where);
      return {
        agency: reader.string(addressee.agency, `${where}.agency`, {
          pattern: AGENCY,
          message: 'must be an agency code',
        }),
        side: reader.side(addressee.side, `${where}.side`),
        name: reader.bilingual(addressee.name, `${where}.name`),
      };
    });
    if (addressees.length === 0) reader.problems.push(`${at}.addressees: must name at least one addressee`);
    return {
      tier: reader.integer(tier.tier, `${at}.tier`, 1, 10),
      name: reader.bilingual(tier.name, `${at}.name`),
      addressees,
    };
  });
  tiers.forEach((tier, index) => {
    if (tier.tier !== index + 1) {
      reader.problems.push(`${path}.tiers[${index}].tier: must be ${index + 1} (tiers count up from 1)`);
    }
  });
  return { tiers };
}

/**
 * Webhook secrets that ship with the repository's example config start with `demo-`: anyone can read them, so a
 * production process refuses them (as it refuses demo passwords).
 */
export const DEMO_SECRET = /^demo-/i;

/** Hosts that are this machine: a relay on them is reached without crossing a network. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

export interface DeliveryConfigRules {
  /** NODE_ENV=production: demo webhook secrets are refused. */
  production?: boolean;
}

/** Validates the parsed JSON and throws one error naming every problem. */
export function parseDeliveryConfig(
  raw: unknown,
  source = 'notification-delivery.json',
  rules: DeliveryConfigRules = {},
): DeliveryConfig {
  const reader = new Reader();
  const root = reader.object(raw, '(root)');
  const retry = reader.object(root.retry, 'retry');
  const webhook = reader.object(root.webhook, 'webhook');
  const smtp = reader.object(root.smtp, 'smtp');
  const intervals = reader.object(root.escalationIntervalSeconds, 'escalationIntervalSeconds');
  const worker = reader.object(root.worker, 'worker');
  const escalation = reader.object(root.escalation, 'escalation');

  const seen = new Set<string>();
  const agencies = reader.array(root.agencies, 'agencies').map((rawAgency, index): AgencyChannels => {
    const at = `agencies[${index}]`;
    const entry = reader.object(rawAgency, at);
    const agency = reader.string(entry.agency, `${at}.agency`, { pattern: AGENCY, message: 'must be an agency code' });
    const side = reader.side(entry.side, `${at}.side`);
    if (seen.has(`${side}:${agency}`)) reader.problems.push(`${at}: ${agency} (${side}) is listed twice`);
    seen.add(`${side}:${agency}`);
    const channels: AgencyChannels = { agency, side };
    if (entry.webhook !== undefined) {
      const hook = reader.object(entry.webhook, `${at}.webhook`);
      channels.webhook = {
        url: reader.url(hook.url, `${at}.webhook.url`),
        secret: reader.string(hook.secret, `${at}.webhook.secret`, {
          pattern: /^.{16,}$/,
          message: 'must be at least 16 characters',
        }),
        exercise: reader.flag(hook.exercise, `${at}.webhook.exercise`),
      };
      if (rules.production && DEMO_SECRET.test(channels.webhook.secret)) {
        reader.problems.push(
          `${at}.webhook.secret: is a demo secret (it starts with "demo-"), refused with NODE_ENV=production: ` +
            'give the agency its own secret in a config file kept out of version control',
        );
      }
    }
    if (entry.email !== undefined) {
      const mail = reader.object(entry.email, `${at}.email`);
      channels.email = {
        address: reader.string(mail.address, `${at}.email.address`, {
          pattern: EMAIL,
          message: 'must be an e-mail address',
        }),
        exercise: reader.flag(mail.exercise, `${at}.email.exercise`),
      };
    }
    return channels;
  });

  const byBlm = reader.object(escalation.byBlm ?? {}, 'escalation.byBlm');
  const outbox = root.outbox ?? 'network';
  if (!OUTBOX_MODES.includes(outbox as OutboxMode)) {
    reader.problems.push(`outbox: must be "network" or "local" (got ${JSON.stringify(root.outbox)})`);
  } else if (rules.production && outbox === 'local') {
    reader.problems.push(
      'outbox: "local" keeps every message on this machine instead of sending it, refused with NODE_ENV=production: ' +
        "give the site's SMTP relay and webhooks in a config file of its own (NOTIFICATION_DELIVERY_FILE) / " +
        '"local" guarda cada mensaje en esta máquina en vez de enviarlo, rechazado con NODE_ENV=production: indique ' +
        'el relevo SMTP y los webhooks del sitio en un archivo de configuración propio (NOTIFICATION_DELIVERY_FILE)',
    );
  }
  const config: DeliveryConfig = {
    outbox: outbox === 'local' ? 'local' : 'network',
    retry: {
      attempts: reader.integer(retry.attempts, 'retry.attempts', 1, 50),
      backoffBaseMs: reader.integer(retry.backoffBaseMs, 'retry.backoffBaseMs', 10, 3_600_000),
    },
    webhook: { timeoutMs: reader.integer(webhook.timeoutMs, 'webhook.timeoutMs', 100, 60_000) },
    smtp: {
      host: reader.string(smtp.host, 'smtp.host'),
      port: reader.integer(smtp.port, 'smtp.port', 1, 65_535),
      secure: smtp.secure === true,
      from: reader.string(smtp.from, 'smtp.from'),
      verifyCertificates: smtp.verifyCertificates !== false,
      allowPlainText: smtp.allowPlainText === true,
    },
    escalationIntervalSeconds: Object.fromEntries(
      SEVERITIES.map((severity) => [
        severity,
        reader.integer(intervals[severity], `escalationIntervalSeconds.${severity}`, 1, 7 * 24 * 3600),
      ]),
    ) as Record<Severity, number>,
    worker: {
      concurrency: reader.integer(worker.concurrency, 'worker.concurrency', 1, 100),
      lockDurationMs: reader.integer(worker.lockDurationMs, 'worker.lockDurationMs', 1_000, 600_000),
      stalledIntervalMs: reader.integer(worker.stalledIntervalMs, 'worker.stalledIntervalMs', 500, 600_000),
    },
    agencies,
    escalation: {
      default: readChain(reader, escalation.default, 'escalation.default'),
      byBlm: Object.fromEntries(
        Object.entries(byBlm).map(([blmId, chain]) => [blmId, readChain(reader, chain, `escalation.byBlm.${blmId}`)]),
      ),
    },
  };
  if (smtp.secure !== undefined && typeof smtp.secure !== 'boolean') {
    reader.problems.push('smtp.secure: must be true or false');
  }
  if (smtp.verifyCertificates !== undefined && typeof smtp.verifyCertificates !== 'boolean') {
    reader.problems.push('smtp.verifyCertificates: must be true or false');
  }
  if (smtp.allowPlainText !== undefined && typeof smtp.allowPlainText !== 'boolean') {
    reader.problems.push('smtp.allowPlainText: must be true or false');
  }
  if (rules.production && config.smtp.allowPlainText && !LOOPBACK_HOST.test(config.smtp.host)) {
    reader.problems.push(
      `smtp.allowPlainText: refused with NODE_ENV=production for ${config.smtp.host}, which is not this machine: ` +
        'mail to it would cross the network in plain text; use TLS (secure, or a server offering STARTTLS)',
    );
  }
  if (reader.problems.length > 0) throw new InvalidDeliveryConfigError(source, reader.problems);
  return config;
}

/**
 * How `agency` is reached in `world`: in the live world every configured channel; in a drill only those marked
 * `exercise` (none at all by default), so a drill cannot reach a real endpoint by mistake.
 */
export function channelsOf(
  config: DeliveryConfig,
  agency: string,
  side: Side,
  world: World = LIVE,
): AgencyChannels | undefined {
  const entry = config.agencies.find((candidate) => candidate.agency === agency && candidate.side === side);
  if (!entry || world.kind === 'live') return entry;
  return {
    agency,
    side,
    ...(entry.webhook?.exercise ? { webhook: entry.webhook } : {}),
    ...(entry.email?.exercise ? { email: entry.email } : {}),
  };
}

export function chainOf(config: DeliveryConfig, blmId: string): EscalationChain {
  return config.escalation.byBlm[blmId] ?? config.escalation.default;
}
