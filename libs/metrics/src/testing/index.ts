export { parseExposition, type Sample, sampleSum, samplesOf } from './exposition.js';
