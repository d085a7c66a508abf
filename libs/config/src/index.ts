export { x } from './x.js';
