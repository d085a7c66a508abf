import { Inject, Injectable } from '@nestjs/common';
import { EnvironmentVariables } from '@enlace/config';
import { EVENT_STORE, type EventStore, eventStoreSettingsFromEnvironment, observeAppends } from '@enlace/event-store';
import { Metrics } from '@enlace/metrics';

/** Times every append of the process's store (`enlace_event_store_append_duration_seconds{store}`) and counts them. */
@Injectable()
export class StoreMetrics {
  constructor(@Inject(EVENT_STORE) store: EventStore, env: EnvironmentVariables, metrics: Metrics) {
    const kind = eventStoreSettingsFromEnvironment(env).kind;
    observeAppends(store, (outcome, seconds) => {
      metrics.appends.inc({ outcome });
      metrics.appendDuration.observe({ store: kind }, seconds);
    });
  }
}
