import { Global, Logger, Module } from '@nestjs/common';
import { Clock } from '@enlace/clock';
import { EnvironmentVariables } from '@enlace/config';
import { EventFeed } from '@enlace/consumers';
import { LIVE } from '@enlace/domain';
import { EVENT_STORE, type EventStore } from '@enlace/event-store';
import { type AuditKey, loadAuditKey } from './audit-key.js';
import { AuditLog } from './audit-log.js';
import { DrillSealer } from './drill-sealer.js';
import { Sealer } from './sealer.js';

export const AUDIT_KEY = Symbol('AUDIT_KEY');

/**
 * The audit logs: their key (loaded, or generated on first start), the live world's sealer and the drills' (each a
 * checkpointed consumer, one owner among the processes), and the service the api serves them with.
 */
@Global()
@Module({
  providers: [
    {
      provide: AUDIT_KEY,
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables): AuditKey => {
        const key = loadAuditKey(env);
        const logger = new Logger('Audit');
        if (key.generated) logger.log(`Generated the audit log's signing key in ${key.file} (AUDIT_SIGNING_KEY_FILE)`);
        logger.log(`Audit log ${key.origin}, verifier key ${key.verifierKey}`);
        return key;
      },
    },
    {
      provide: Sealer,
      inject: [EventFeed, EVENT_STORE, AUDIT_KEY, Clock, EnvironmentVariables],
      useFactory: (feed: EventFeed, store: EventStore, key: AuditKey, clock: Clock, env: EnvironmentVariables) =>
        new Sealer(feed, store.checkpoints, key, clock, {
          world: LIVE,
          checkpointMs: env.AUDIT_CHECKPOINT_SECONDS * 1_000,
          checkpointEvents: env.AUDIT_CHECKPOINT_EVENTS,
          leaseMs: env.CONSUMER_LEASE_SECONDS * 1_000,
        }),
    },
    {
      provide: DrillSealer,
      inject: [EVENT_STORE, AUDIT_KEY, Clock, EnvironmentVariables],
      useFactory: (store: EventStore, key: AuditKey, clock: Clock, env: EnvironmentVariables) =>
        new DrillSealer(store, store.checkpoints, key, clock, {
          checkpointMs: env.AUDIT_CHECKPOINT_SECONDS * 1_000,
          checkpointEvents: env.AUDIT_CHECKPOINT_EVENTS,
          leaseMs: env.CONSUMER_LEASE_SECONDS * 1_000,
        }),
    },
    {
      provide: AuditLog,
      inject: [EVENT_STORE, AUDIT_KEY, Clock],
      useFactory: (store: EventStore, key: AuditKey, clock: Clock) => new AuditLog(store, key, clock),
    },
  ],
  exports: [AUDIT_KEY, Sealer, DrillSealer, AuditLog],
})
export class AuditModule {}
