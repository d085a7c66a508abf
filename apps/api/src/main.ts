import { x } from '@enlace/config';
console.log('x', x);
