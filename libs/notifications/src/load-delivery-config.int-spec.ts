import { InvalidDeliveryConfigError, parseDeliveryConfig } from './delivery-config.js';
import { deliveryConfigPath, loadDeliveryConfig } from './load-delivery-config.js';

describe('config/notification-delivery.json', () => {
  it('is valid, and reaches the co-chairs then the national centres', () => {
    const config = loadDeliveryConfig(deliveryConfigPath({ CONFIG_DIR: './config' }));
    expect(config.escalation.default.tiers.map((tier) => tier.addressees.map((a) => a.agency))).toEqual([
      ['DOS', 'SRE'],
      ['NRC', 'CENACOM'],
    ]);
    expect(parseDeliveryConfig(config)).toEqual(config);
  });

  it('keeps messages in the local outbox (the embedded default on one machine)', () => {
    expect(loadDeliveryConfig(deliveryConfigPath({ CONFIG_DIR: './config' })).outbox).toBe('local');
  });

  it('is refused in production: every webhook secret in it, each named, and its local outbox', () => {
    const path = deliveryConfigPath({ CONFIG_DIR: './config' });
    const withWebhook = loadDeliveryConfig(path).agencies.flatMap((agency, index) => (agency.webhook ? [index] : []));
    expect(withWebhook.length).toBeGreaterThan(0);
    let error: unknown;
    try {
      loadDeliveryConfig(path, { production: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidDeliveryConfigError);
    const problems = (error as InvalidDeliveryConfigError).problems;
    expect(problems.slice(0, -1)).toEqual(
      withWebhook.map(
        (index) =>
          `agencies[${index}].webhook.secret: is a demo secret (it starts with "demo-"), refused with ` +
          'NODE_ENV=production: give the agency its own secret in a config file kept out of version control',
      ),
    );
    expect(problems.at(-1)).toMatch(/^outbox: "local" .* refused with NODE_ENV=production: .* \/ "local" guarda /);
  });

  it('is replaced by NOTIFICATION_DELIVERY_FILE', () => {
    expect(deliveryConfigPath({ CONFIG_DIR: './config', NOTIFICATION_DELIVERY_FILE: '/tmp/x.json' })).toBe(
      '/tmp/x.json',
    );
  });
});
