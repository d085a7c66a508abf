import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestDeliveryConfigOptions {
  webhookBase: string;
  smtpPort: number;
  attempts?: number;
  backoffBaseMs?: number;
  escalationIntervalSeconds?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  webhookTimeoutMs?: number;
}

export const TEST_SECRETS = {
  CBP: 'test-secret-for-cbp-webhooks',
  ANAM: 'test-secret-for-anam-webhooks',
  DOS: 'test-secret-for-dos-webhooks',
  NRC: 'test-secret-for-nrc-webhooks',
} as const;

/**
 * Delivery config pointing at a test's own receivers: CBP by webhook and e-mail, ANAM by webhook (the one endpoint
 * marked for exercises), the other members by console only; tier 1 = DOS (webhook), tier 2 = NRC (webhook).
 */
export function testDeliveryConfig(options: TestDeliveryConfigOptions): Record<string, unknown> {
  const interval = options.escalationIntervalSeconds ?? 3;
  const tier = (n: number, agency: string, side: string, en: string, es: string) => ({
    tier: n,
    name: { en, es },
    addressees: [{ agency, side, name: { en, es } }],
  });
  return {
    retry: { attempts: options.attempts ?? 4, backoffBaseMs: options.backoffBaseMs ?? 200 },
    webhook: { timeoutMs: options.webhookTimeoutMs ?? 2_000 },
    // The tests' receiver speaks plain SMTP on this machine.
    smtp: {
      host: '127.0.0.1',
      port: options.smtpPort,
      secure: false,
      from: 'Enlace <enlace@border.example>',
      allowPlainText: true,
    },
    escalationIntervalSeconds: { extreme: interval, severe: interval, moderate: interval, minor: interval },
    worker: {
      concurrency: 8,
      lockDurationMs: options.lockDurationMs ?? 4_000,
      stalledIntervalMs: options.stalledIntervalMs ?? 2_000,
    },
    agencies: [
      {
        agency: 'CBP',
        side: 'US',
        webhook: { url: `${options.webhookBase}/cbp`, secret: TEST_SECRETS.CBP },
        email: { address: 'port-operations@cbp.example.gov' },
      },
      // ANAM's webhook takes drills' messages too (a training endpoint would); no other endpoint does.
      {
        agency: 'ANAM',
        side: 'MX',
        webhook: { url: `${options.webhookBase}/anam`, secret: TEST_SECRETS.ANAM, exercise: true },
      },
      { agency: 'DOS', side: 'US', webhook: { url: `${options.webhookBase}/dos`, secret: TEST_SECRETS.DOS } },
      { agency: 'NRC', side: 'US', webhook: { url: `${options.webhookBase}/nrc`, secret: TEST_SECRETS.NRC } },
    ],
    escalation: {
      default: {
        tiers: [
          tier(1, 'DOS', 'US', 'BLM co-chairs', 'Copresidencia del MEF'),
          tier(2, 'NRC', 'US', 'National centres', 'Centros nacionales'),
        ],
      },
      byBlm: {},
    },
  };
}

/** Writes the config to a temporary file and returns its path (for NOTIFICATION_DELIVERY_FILE). */
export async function writeDeliveryConfig(options: TestDeliveryConfigOptions): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'enlace-delivery-'));
  const file = join(dir, 'notification-delivery.json');
  await writeFile(file, JSON.stringify(testDeliveryConfig(options), null, 2));
  return file;
}
