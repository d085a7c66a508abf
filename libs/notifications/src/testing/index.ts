export { freePort, TestRedisServer } from './redis-server.js';
export { SmtpReceiver, type ReceivedMail, type SmtpReceiverTls } from './smtp-receiver.js';
export {
  TEST_SECRETS,
  testDeliveryConfig,
  writeDeliveryConfig,
  type TestDeliveryConfigOptions,
} from './delivery-config.fixture.js';
export { WebhookReceiver, type ReceivedWebhook } from './webhook-receiver.js';
export { eventually } from './eventually.js';
export { acknowledge, eventsOf, issueNotification, MEMBER_OFFICERS, US_OFFICER } from './notification-fixtures.js';
export { DeliveryReceivers } from './delivery-receivers.js';
