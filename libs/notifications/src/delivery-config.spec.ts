import { testDeliveryConfig } from './testing/delivery-config.fixture.js';
import { chainOf, InvalidDeliveryConfigError, parseDeliveryConfig } from './delivery-config.js';

const valid = (): Record<string, unknown> =>
  testDeliveryConfig({ webhookBase: 'http://127.0.0.1:9/hooks', smtpPort: 2525 });

describe('parseDeliveryConfig', () => {
  it('accepts a complete config and falls back to the default chain', () => {
    const config = parseDeliveryConfig(valid());
    expect(config.retry).toEqual({ attempts: 4, backoffBaseMs: 200 });
    expect(chainOf(config, 'blm-nogales').tiers.map((tier) => tier.tier)).toEqual([1, 2]);
  });

  it('sends over the network unless the config asks for the local outbox, which production refuses', () => {
    expect(parseDeliveryConfig(valid()).outbox).toBe('network');
    expect(parseDeliveryConfig({ ...valid(), outbox: 'local' }).outbox).toBe('local');
    expect(() => parseDeliveryConfig({ ...valid(), outbox: 'pigeon' })).toThrow(
      /^ {2}- outbox: must be "network" or "local" \(got "pigeon"\)$/m,
    );
    expect(parseDeliveryConfig({ ...valid(), outbox: 'network' }, 'site.json', { production: true }).outbox).toBe(
      'network',
    );
    expect(() => parseDeliveryConfig({ ...valid(), outbox: 'local' }, 'site.json', { production: true })).toThrow(
      /outbox: "local" keeps every message on this machine .*refused with NODE_ENV=production.* \/ "local" guarda cada mensaje en esta máquina .*rechazado con NODE_ENV=production/,
    );
  });

  it('names every problem in one error', () => {
    const raw = valid();
    Object.assign(raw, {
      retry: { attempts: 0, backoffBaseMs: 'soon' },
      agencies: [
        { agency: 'CBP', side: 'US', webhook: { url: 'ftp://x', secret: 'short' } },
        { agency: 'CBP', side: 'US', email: { address: 'not-an-address' } },
        { agency: 'sre', side: 'MEX' },
      ],
      escalation: { default: { tiers: [{ tier: 2, name: { en: 'x' }, addressees: [] }] } },
    });
    delete (raw.escalationIntervalSeconds as Record<string, unknown>).minor;
    let error: unknown;
    try {
      parseDeliveryConfig(raw, 'test.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidDeliveryConfigError);
    const problems = (error as InvalidDeliveryConfigError).problems.join('\n');
    for (const expected of [
      /^retry\.attempts: must be an integer from 1 to 50/m,
      /^retry\.backoffBaseMs: must be an integer/m,
      /^agencies\[0\]\.webhook\.url: must be an http\(s\) URL/m,
      /^agencies\[0\]\.webhook\.secret: must be at least 16 characters/m,
      /^agencies\[1\]: CBP \(US\) is listed twice/m,
      /^agencies\[1\]\.email\.address: must be an e-mail address/m,
      /^agencies\[2\]\.agency: must be an agency code/m,
      /^agencies\[2\]\.side: must be "US" or "MX"/m,
      /^escalationIntervalSeconds\.minor: must be an integer/m,
      /^escalation\.default\.tiers\[0\]\.name\.es: must be a non-empty string/m,
      /^escalation\.default\.tiers\[0\]\.addressees: must name at least one addressee/m,
      /^escalation\.default\.tiers\[0\]\.tier: must be 1 \(tiers count up from 1\)/m,
    ]) {
      expect(problems).toMatch(expected);
    }
    expect((error as Error).message).toContain('test.json');
  });
});

describe('SMTP certificates', () => {
  it('are verified unless smtp.verifyCertificates is false', () => {
    expect(parseDeliveryConfig(valid()).smtp.verifyCertificates).toBe(true);
    const raw = valid();
    Object.assign(raw.smtp as object, { verifyCertificates: false });
    expect(parseDeliveryConfig(raw).smtp.verifyCertificates).toBe(false);
    Object.assign(raw.smtp as object, { verifyCertificates: 'no' });
    expect(() => parseDeliveryConfig(raw)).toThrow(/smtp\.verifyCertificates: must be true or false/);
  });
});

describe('SMTP in plain text', () => {
  const withSmtp = (smtp: Record<string, unknown>): Record<string, unknown> => {
    const raw = valid();
    Object.assign(raw.smtp as object, smtp);
    return raw;
  };

  it('is not allowed unless smtp.allowPlainText is true', () => {
    expect(parseDeliveryConfig(withSmtp({ allowPlainText: undefined })).smtp.allowPlainText).toBe(false);
    expect(parseDeliveryConfig(withSmtp({ allowPlainText: true })).smtp.allowPlainText).toBe(true);
    expect(() => parseDeliveryConfig(withSmtp({ allowPlainText: 'yes' }))).toThrow(
      /smtp\.allowPlainText: must be true or false/,
    );
  });

  it('is refused in production for a relay that is not this machine, and allowed for a loopback one', () => {
    const remote = withSmtp({ host: 'mail.cbp.example.gov', allowPlainText: true });
    expect(() => parseDeliveryConfig(remote, 'site.json', { production: true })).toThrow(
      /smtp\.allowPlainText: refused with NODE_ENV=production for mail\.cbp\.example\.gov/,
    );
    expect(() => parseDeliveryConfig(remote)).not.toThrow();
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      expect(() =>
        parseDeliveryConfig(withSmtp({ host, allowPlainText: true }), 'site.json', { production: true }),
      ).not.toThrow();
    }
  });
});

describe('demo webhook secrets', () => {
  const withDemoSecret = (): Record<string, unknown> => {
    const raw = valid();
    (raw.agencies as { webhook?: { secret: string } }[]).find((agency) => agency.webhook)!.webhook!.secret =
      'demo-cbp-webhook-secret-change-me';
    return raw;
  };

  it('are accepted outside production (the embedded demo)', () => {
    expect(() => parseDeliveryConfig(withDemoSecret())).not.toThrow();
  });

  it('are refused with NODE_ENV=production, naming where', () => {
    expect(() => parseDeliveryConfig(withDemoSecret(), 'site.json', { production: true })).toThrow(
      /agencies\[0\]\.webhook\.secret: is a demo secret \(it starts with "demo-"\), refused with NODE_ENV=production/,
    );
  });

  it('a site secret passes in production', () => {
    expect(() => parseDeliveryConfig(valid(), 'site.json', { production: true })).not.toThrow();
  });
});
