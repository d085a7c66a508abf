import { parseDeliveryConfig } from './delivery-config.js';
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

  it('is replaced by NOTIFICATION_DELIVERY_FILE', () => {
    expect(deliveryConfigPath({ CONFIG_DIR: './config', NOTIFICATION_DELIVERY_FILE: '/tmp/x.json' })).toBe(
      '/tmp/x.json',
    );
  });
});
