import type { Actor } from '@enlace/domain';

/** Enlace itself, recording what its worker did: deliveries and escalations. */
export const SYSTEM_ACTOR: Actor = { id: 'system:worker', agency: 'ENLACE', country: null, role: 'system' };
