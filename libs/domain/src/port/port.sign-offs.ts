// The binational gate: no lane reopens, in any phase, unless both sides' sign-offs are in force and every critical
// item is completed or waived; a side signs off only once its own critical items are; a later change to its items
// (or to a joint item, or more lanes closed) withdraws its sign-off, and so does a joint item completed by the other
// side alone (a joint item is both sides' word: the side that did not tick it signs again). Decision 0008.
import { broken } from '../shared/domain-error.js';
import { capitalized, ofTheSide, type Owner, SIDES, type Side, sideAdjective, theSide } from '../shared/side.js';
import type { PortEvent, SignOffWithdrawalCause } from './port.events.js';
import type { ChecklistItemState, ShutdownState } from './port.state.js';

export interface ReopeningBlockers {
  /** Critical items neither completed nor waived (items are not per lane: every one blocks every phase). */
  openCriticalItems: ChecklistItemState[];
  /** Sides without a sign-off in force. */
  missingSignOffs: Side[];
  /** Of those, the sides whose sign-off a later change withdrew. */
  signOffsToRenew: Side[];
}

/** What still blocks reopening any lane of the shutdown. */
export function reopeningBlockers(shutdown: ShutdownState): ReopeningBlockers {
  const missingSignOffs = SIDES.filter((side) => !shutdown.signOffs[side]);
  return {
    openCriticalItems: shutdown.checklist.items.filter((item) => item.critical && item.status === 'open'),
    missingSignOffs,
    signOffsToRenew: missingSignOffs.filter((side) => shutdown.signOffsToRenew[side]),
  };
}

/** The critical items of one side that are still open: they keep that side from signing off. */
export function openCriticalItemsOf(shutdown: ShutdownState, side: Side): ChecklistItemState[] {
  return shutdown.checklist.items.filter((item) => item.critical && item.status === 'open' && item.owner === side);
}

const itemDetails = (items: readonly ChecklistItemState[]) =>
  items.map(({ id, text, owner, agency }) => ({ id, text, owner, agency }));

const itemList = (items: readonly ChecklistItemState[], language: 'en' | 'es') =>
  items.map((item) => `${item.id} (${item.text[language] ?? item.text.en})`).join('; ');

export function requireReopeningAllowed(shutdown: ShutdownState, portId: string): void {
  const { openCriticalItems, missingSignOffs, signOffsToRenew } = reopeningBlockers(shutdown);
  if (openCriticalItems.length === 0 && missingSignOffs.length === 0) return;
  const phase = shutdown.phases + 1;
  const partsEn = [
    ...(openCriticalItems.length
      ? [`critical checklist items not completed or waived: ${itemList(openCriticalItems, 'en')}`]
      : []),
    ...(missingSignOffs.length ? [`sign-off missing from: ${missingSignOffs.join(', ')}`] : []),
    ...(signOffsToRenew.length ? [`withdrawn, to be renewed: ${signOffsToRenew.join(', ')}`] : []),
  ];
  const partsEs = [
    ...(openCriticalItems.length
      ? [`elementos críticos sin completar ni dispensar: ${itemList(openCriticalItems, 'es')}`]
      : []),
    ...(missingSignOffs.length ? [`falta la firma de: ${missingSignOffs.join(', ')}`] : []),
    ...(signOffsToRenew.length ? [`retirada, por renovar: ${signOffsToRenew.join(', ')}`] : []),
  ];
  throw broken(
    'PORT.REOPENING_BLOCKED',
    `Port ${portId} cannot reopen lanes (phase ${phase}): neither side reopens on its own. ${partsEn.join('; ')}`,
    `El puerto ${portId} no puede reabrir carriles (fase ${phase}): ningún lado reabre por su cuenta. ${partsEs.join('; ')}`,
    { phase, openCriticalItems: itemDetails(openCriticalItems), missingSignOffs, signOffsToRenew },
  );
}

export function requireSignOffAllowed(shutdown: ShutdownState, side: Side): void {
  const open = openCriticalItemsOf(shutdown, side);
  if (open.length === 0) return;
  throw broken(
    'PORT.SIGN_OFF_BLOCKED',
    `${capitalized(theSide(side, 'en'))} cannot sign off while its critical checklist items are open: ${itemList(open, 'en')}`,
    `${capitalized(theSide(side, 'es'))} no puede firmar mientras tenga elementos críticos abiertos: ${itemList(open, 'es')}`,
    { side, openCriticalItems: itemDetails(open) },
  );
}

const WITHDRAWAL_REASON: Record<
  SignOffWithdrawalCause,
  (side: Side, itemId: string | undefined) => { en: string; es: string }
> = {
  'item-reopened': (side, itemId) => ({
    en: `Checklist item ${itemId} was reopened after the ${sideAdjective(side, 'en')} sign-off`,
    es: `Se reabrió el elemento ${itemId} de la lista después de la firma ${ofTheSide(side, 'es')}`,
  }),
  'item-added': (side, itemId) => ({
    en: `Checklist item ${itemId} was added after the ${sideAdjective(side, 'en')} sign-off`,
    es: `Se agregó el elemento ${itemId} a la lista después de la firma ${ofTheSide(side, 'es')}`,
  }),
  'item-waived': (side, itemId) => ({
    en: `Checklist item ${itemId} was waived after the ${sideAdjective(side, 'en')} sign-off`,
    es: `Se dispensó el elemento ${itemId} de la lista después de la firma ${ofTheSide(side, 'es')}`,
  }),
  'joint-item-completed': (side, itemId) => ({
    en: `Joint checklist item ${itemId} was completed by the other side after the ${sideAdjective(side, 'en')} sign-off`,
    es: `El otro lado completó el elemento conjunto ${itemId} de la lista después de la firma ${ofTheSide(side, 'es')}`,
  }),
  'lanes-closed': (side) => ({
    en: `More lanes were closed after the ${sideAdjective(side, 'en')} sign-off`,
    es: `Se cerraron más carriles después de la firma ${ofTheSide(side, 'es')}`,
  }),
};

/**
 * The withdrawals a change brings: a change to a side's item touches that side's sign-off, a change to a joint item
 * (or more lanes closed) both. Only sign-offs in force are withdrawn.
 */
export function signOffWithdrawals(
  shutdown: ShutdownState,
  portId: string,
  touched: Owner,
  cause: SignOffWithdrawalCause,
  itemId?: string,
): PortEvent[] {
  const sides = touched === 'JOINT' ? SIDES : [touched];
  return sides
    .filter((side) => shutdown.signOffs[side])
    .map((side) => ({
      type: 'ResumptionSignOffWithdrawn',
      data: {
        portId,
        shutdownId: shutdown.shutdownId,
        side,
        cause,
        ...(itemId ? { itemId } : {}),
        reason: WITHDRAWAL_REASON[cause](side, itemId),
      },
    }));
}
