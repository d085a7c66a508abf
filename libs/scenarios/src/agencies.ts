import type { Side } from '@enlace/domain';
import type { Bilingual } from './bilingual.js';

export interface ScenarioAgency {
  /** JOINT: a binational body; EXCON: the exercise's own control cell, which plays no side. */
  side: Side | 'JOINT' | 'EXCON';
  name: Bilingual;
}

/**
 * Who may send or receive an inject, and the agencies players sign in for. The codes players use are those of
 * config/users.json, the BLM members and the checklist templates (CBP, ANAM, PC, …); the others are agencies a
 * simulation cell plays. A code outside this list is refused, so a typo never reaches a drill as a new agency.
 */
export const SCENARIO_AGENCIES = {
  EXCON: { side: 'EXCON', name: { en: 'Exercise control', es: 'Control del ejercicio' } },
  // United States
  CBP: { side: 'US', name: { en: 'U.S. Customs and Border Protection', es: 'Aduanas y Protección Fronteriza (CBP)' } },
  EPA: {
    side: 'US',
    name: { en: 'U.S. Environmental Protection Agency', es: 'Agencia de Protección Ambiental (EPA)' },
  },
  NRC: { side: 'US', name: { en: 'National Response Center', es: 'Centro Nacional de Respuesta (NRC)' } },
  DOS: { side: 'US', name: { en: 'U.S. Consulate General', es: 'Consulado General de EE. UU.' } },
  GSA: {
    side: 'US',
    name: { en: 'General Services Administration', es: 'Administración de Servicios Generales (GSA)' },
  },
  USCG: { side: 'US', name: { en: 'U.S. Coast Guard', es: 'Guardia Costera de EE. UU.' } },
  'LOCAL-US': {
    side: 'US',
    name: { en: 'County Office of Emergency Management', es: 'Oficina de Manejo de Emergencias del condado' },
  },
  'FIRE-US': {
    side: 'US',
    name: {
      en: 'City fire department (hazmat team)',
      es: 'Departamento de bomberos de la ciudad (equipo de materiales peligrosos)',
    },
  },
  'STATE-ENV-US': {
    side: 'US',
    name: {
      en: 'State environmental agency (TCEQ, CalEPA, ADEQ)',
      es: 'Agencia ambiental estatal (TCEQ, CalEPA, ADEQ)',
    },
  },
  'RAILROAD-US': {
    side: 'US',
    name: { en: 'Railroad operations centre (U.S.)', es: 'Centro de operaciones ferroviarias (EE. UU.)' },
  },
  NWS: { side: 'US', name: { en: 'National Weather Service', es: 'Servicio Meteorológico Nacional de EE. UU. (NWS)' } },
  'MEDIA-US': { side: 'US', name: { en: 'News media (U.S.)', es: 'Medios de comunicación (EE. UU.)' } },
  'TRADE-US': { side: 'US', name: { en: 'Trade community (U.S.)', es: 'Comunidad de comercio exterior (EE. UU.)' } },
  'PLANT-US': { side: 'US', name: { en: 'Plant operator (U.S.)', es: 'Operador de la planta (EE. UU.)' } },
  OIG: { side: 'US', name: { en: 'Office of Inspector General', es: 'Oficina del Inspector General' } },
  // Mexico
  ANAM: {
    side: 'MX',
    name: { en: 'National Customs Agency of Mexico', es: 'Agencia Nacional de Aduanas de México (ANAM)' },
  },
  CENACOM: {
    side: 'MX',
    name: { en: 'National Communications Centre (CENACOM)', es: 'Centro Nacional de Comunicación (CENACOM)' },
  },
  PC: { side: 'MX', name: { en: 'Civil Protection', es: 'Protección Civil' } },
  PROFEPA: {
    side: 'MX',
    name: {
      en: 'Federal Attorney for Environmental Protection',
      es: 'Procuraduría Federal de Protección al Ambiente (PROFEPA)',
    },
  },
  SRE: { side: 'MX', name: { en: 'Consulate of Mexico', es: 'Consulado de México' } },
  INM: { side: 'MX', name: { en: 'National Migration Institute', es: 'Instituto Nacional de Migración (INM)' } },
  INDAABIN: {
    side: 'MX',
    name: {
      en: 'Institute of Administration and Appraisal of National Assets',
      es: 'Instituto de Administración y Avalúos de Bienes Nacionales (INDAABIN)',
    },
  },
  GN: { side: 'MX', name: { en: 'National Guard', es: 'Guardia Nacional' } },
  BOMBEROS: {
    side: 'MX',
    name: { en: 'Municipal fire department (Mexico)', es: 'Heroico Cuerpo de Bomberos municipal' },
  },
  'SALUD-MX': { side: 'MX', name: { en: 'State health services (Mexico)', es: 'Servicios de Salud del estado' } },
  'RAILROAD-MX': {
    side: 'MX',
    name: { en: 'Railroad operations centre (Mexico)', es: 'Centro de operaciones ferroviarias (México)' },
  },
  SETIQ: {
    side: 'MX',
    name: {
      en: 'SETIQ chemical emergency centre (ANIQ)',
      es: 'Sistema de Emergencias en Transporte para la Industria Química (SETIQ, ANIQ)',
    },
  },
  'MEDIA-MX': { side: 'MX', name: { en: 'News media (Mexico)', es: 'Medios de comunicación (México)' } },
  'TRADE-MX': { side: 'MX', name: { en: 'Trade community (Mexico)', es: 'Comunidad de comercio exterior (México)' } },
  'PLANT-MX': { side: 'MX', name: { en: 'Plant operator (Mexico)', es: 'Operador de la planta (México)' } },
  // Binational
  JRT: { side: 'JOINT', name: { en: 'Joint Response Team', es: 'Equipo Conjunto de Respuesta' } },
  BLM: { side: 'JOINT', name: { en: 'Border Liaison Mechanism', es: 'Mecanismo de Enlace Fronterizo' } },
} as const satisfies Record<string, ScenarioAgency>;

export type ScenarioAgencyCode = keyof typeof SCENARIO_AGENCIES;

export function scenarioAgency(code: string): ScenarioAgency | undefined {
  return Object.hasOwn(SCENARIO_AGENCIES, code) ? SCENARIO_AGENCIES[code as ScenarioAgencyCode] : undefined;
}
