export { History, HISTORY_BLM, HISTORY_PORTS } from './history.js';
