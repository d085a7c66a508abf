// Who may touch which checklist item, and the shape of an item added to a running checklist.
import { CHECKLIST_AGENCIES } from '../reference/reference.js';
import { broken, forbidden, notFound } from '../shared/domain-error.js';
import { ofTheSide, type Owner, type Side, sideAdjective, theSide, toTheSide } from '../shared/side.js';
import { type BilingualText, missingLanguages } from '../shared/text.js';
import type { ChecklistItem } from './port.events.js';
import type { ChecklistItemState, ShutdownState } from './port.state.js';

const STATUS_ES = { open: 'abierto', completed: 'completado', waived: 'dispensado' } as const;

/** Only the owner side resolves or reopens an item; a joint item either side. */
function requireOwnerSide(itemId: string, owner: Owner, side: Side): void {
  if (owner === 'JOINT' || owner === side) return;
  throw forbidden(
    'AUTH.WRONG_SIDE',
    `Item ${itemId} belongs to ${theSide(owner, 'en')}`,
    `El elemento ${itemId} corresponde ${toTheSide(owner, 'es')}`,
    { itemId, owner, actorSide: side },
  );
}

function findItem(shutdown: ShutdownState, itemId: string, side: Side): ChecklistItemState {
  const item = shutdown.checklist.items.find((candidate) => candidate.id === itemId);
  if (!item) {
    throw notFound(
      'PORT.UNKNOWN_CHECKLIST_ITEM',
      `Checklist item ${itemId} not found`,
      `Elemento de la lista ${itemId} no encontrado`,
      { itemId },
    );
  }
  requireOwnerSide(item.id, item.owner, side);
  return item;
}

/** An open item the acting side may complete or waive. */
export function requireOpenItem(shutdown: ShutdownState, itemId: string, side: Side): ChecklistItemState {
  const item = findItem(shutdown, itemId, side);
  if (item.status !== 'open') {
    throw broken(
      'PORT.CHECKLIST_ITEM_RESOLVED',
      `Item ${itemId} is already ${item.status}`,
      `El elemento ${itemId} ya está ${STATUS_ES[item.status]}`,
      { itemId, status: item.status },
    );
  }
  return item;
}

/** A completed or waived item the acting side may open again. */
export function requireResolvedItem(
  shutdown: ShutdownState,
  itemId: string,
  side: Side,
): ChecklistItemState & { status: 'completed' | 'waived' } {
  const item = findItem(shutdown, itemId, side);
  if (item.status === 'open') {
    throw broken(
      'PORT.CHECKLIST_ITEM_OPEN',
      `Item ${itemId} is open: only a completed or waived item can be reopened`,
      `El elemento ${itemId} está abierto: solo se puede reabrir un elemento completado o dispensado`,
      { itemId, status: item.status },
    );
  }
  return item as ChecklistItemState & { status: 'completed' | 'waived' };
}

export interface NewChecklistItem {
  owner: Owner;
  agency: string;
  critical: boolean;
  text: BilingualText;
}

/**
 * An item for the running checklist: owned by the acting side or joint, led by an agency of that owner, and
 * readable on both sides (both languages, as every template item is). Its id is new in the checklist.
 */
export function newChecklistItem(shutdown: ShutdownState, input: NewChecklistItem, side: Side): ChecklistItem {
  if (input.owner !== 'JOINT' && input.owner !== side) {
    throw forbidden(
      'AUTH.WRONG_SIDE',
      `Only a ${sideAdjective(input.owner, 'en')} officer may add an item for ${theSide(input.owner, 'en')}`,
      `Solo un oficial ${sideAdjective(input.owner, 'es')} puede agregar un elemento ${ofTheSide(input.owner, 'es')}`,
      { owner: input.owner, actorSide: side },
    );
  }
  const agencies = CHECKLIST_AGENCIES[input.owner];
  if (!agencies.includes(input.agency)) {
    throw broken(
      'PORT.UNKNOWN_AGENCY',
      `${input.agency} cannot lead an item ${ofTheSide(input.owner, 'en')}: use one of ${agencies.join(', ')}`,
      `${input.agency} no puede encabezar un elemento ${ofTheSide(input.owner, 'es')}: use una de ${agencies.join(', ')}`,
      { agency: input.agency, owner: input.owner, allowed: agencies },
    );
  }
  const missing = missingLanguages(input.text);
  if (missing.length > 0) {
    throw broken(
      'PORT.CHECKLIST_ITEM_NOT_BILINGUAL',
      `A checklist item is read on both sides: write its text in English and Spanish (missing: ${missing.join(', ')})`,
      `Ambos lados leen la lista: escriba el texto del elemento en inglés y en español (falta: ${missing.join(', ')})`,
      { field: 'text', missing },
    );
  }
  const taken = new Set(shutdown.checklist.items.map((item) => item.id));
  const prefix = `${input.owner.toLowerCase()}-added-`;
  let number = shutdown.checklist.items.filter((item) => item.addedBy).length + 1;
  while (taken.has(`${prefix}${number}`)) number += 1;
  return {
    id: `${prefix}${number}`,
    text: { en: input.text.en!.trim(), es: input.text.es!.trim() },
    owner: input.owner,
    agency: input.agency,
    critical: input.critical,
  };
}
