export { Clock, SystemClock, systemClock } from './clock.js';
