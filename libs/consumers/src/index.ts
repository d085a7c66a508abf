export {
  type DecodedEvent,
  type DecodedOf,
  type DecodedOrNot,
  decodeOrThrow,
  decodeRecorded,
  UndecodableEventError,
} from './decoded-event.js';
export { Attachment, EventFeed, type FeedHandler, type FeedOptions } from './event-feed.js';
export {
  CheckpointedConsumer,
  type ConsumerSpec,
  type ConsumerTimings,
  consumerKey,
  consumersOn,
  DEFAULT_CONSUMER_TIMINGS,
  EVERY_DRILL,
  type Ownership,
} from './checkpointed-consumer.js';
export { ConsumersModule, LIVE_FEED_PREFIXES, WorldFeeds } from './consumers.module.js';
export { type ConsumerLag, ConsumerMetrics, LAG_COUNT_LIMIT, lagOf } from './consumer-metrics.js';
