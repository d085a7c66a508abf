export { History, HISTORY_BLM, HISTORY_PORTS } from './history.js';
export { pauseDrillClock, planDrill, startDrillClock } from './drill-clock.js';
