export { History, HISTORY_BLM, HISTORY_PORTS } from './history.js';
export { startDrillClock } from './drill-clock.js';
