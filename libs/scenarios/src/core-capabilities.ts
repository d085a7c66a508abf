import type { Bilingual } from './bilingual.js';

/**
 * The 32 core capabilities of the U.S. National Preparedness Goal (2nd ed., 2015), which HSEEP ties every exercise
 * objective to. Kebab-case ids so files and spreadsheets stay ASCII; the names are what reports show.
 */
export const CORE_CAPABILITIES = {
  planning: { en: 'Planning', es: 'Planificación' },
  'public-information-and-warning': { en: 'Public Information and Warning', es: 'Información pública y alerta' },
  'operational-coordination': { en: 'Operational Coordination', es: 'Coordinación operativa' },
  'forensics-and-attribution': { en: 'Forensics and Attribution', es: 'Investigación forense y atribución' },
  'intelligence-and-information-sharing': {
    en: 'Intelligence and Information Sharing',
    es: 'Inteligencia e intercambio de información',
  },
  'interdiction-and-disruption': { en: 'Interdiction and Disruption', es: 'Interdicción y desarticulación' },
  'screening-search-and-detection': {
    en: 'Screening, Search, and Detection',
    es: 'Revisión, búsqueda y detección',
  },
  'access-control-and-identity-verification': {
    en: 'Access Control and Identity Verification',
    es: 'Control de acceso y verificación de identidad',
  },
  cybersecurity: { en: 'Cybersecurity', es: 'Ciberseguridad' },
  'physical-protective-measures': { en: 'Physical Protective Measures', es: 'Medidas de protección física' },
  'risk-management-for-protection-programs-and-activities': {
    en: 'Risk Management for Protection Programs and Activities',
    es: 'Gestión de riesgos de los programas y actividades de protección',
  },
  'supply-chain-integrity-and-security': {
    en: 'Supply Chain Integrity and Security',
    es: 'Integridad y seguridad de la cadena de suministro',
  },
  'community-resilience': { en: 'Community Resilience', es: 'Resiliencia comunitaria' },
  'long-term-vulnerability-reduction': {
    en: 'Long-term Vulnerability Reduction',
    es: 'Reducción de la vulnerabilidad a largo plazo',
  },
  'risk-and-disaster-resilience-assessment': {
    en: 'Risk and Disaster Resilience Assessment',
    es: 'Evaluación de riesgos y de resiliencia ante desastres',
  },
  'threats-and-hazards-identification': {
    en: 'Threats and Hazards Identification',
    es: 'Identificación de amenazas y peligros',
  },
  'critical-transportation': { en: 'Critical Transportation', es: 'Transporte crítico' },
  'environmental-response-health-and-safety': {
    en: 'Environmental Response/Health and Safety',
    es: 'Respuesta ambiental, salud y seguridad',
  },
  'fatality-management-services': { en: 'Fatality Management Services', es: 'Servicios de manejo de fallecidos' },
  'fire-management-and-suppression': {
    en: 'Fire Management and Suppression',
    es: 'Manejo y extinción de incendios',
  },
  'logistics-and-supply-chain-management': {
    en: 'Logistics and Supply Chain Management',
    es: 'Logística y gestión de la cadena de suministro',
  },
  'mass-care-services': { en: 'Mass Care Services', es: 'Servicios de atención masiva' },
  'mass-search-and-rescue-operations': {
    en: 'Mass Search and Rescue Operations',
    es: 'Operaciones de búsqueda y rescate a gran escala',
  },
  'on-scene-security-protection-and-law-enforcement': {
    en: 'On-scene Security, Protection, and Law Enforcement',
    es: 'Seguridad, protección y aplicación de la ley en el lugar',
  },
  'operational-communications': { en: 'Operational Communications', es: 'Comunicaciones operativas' },
  'public-health-healthcare-and-emergency-medical-services': {
    en: 'Public Health, Healthcare, and Emergency Medical Services',
    es: 'Salud pública, atención médica y servicios médicos de emergencia',
  },
  'situational-assessment': { en: 'Situational Assessment', es: 'Evaluación de la situación' },
  'economic-recovery': { en: 'Economic Recovery', es: 'Recuperación económica' },
  'health-and-social-services': { en: 'Health and Social Services', es: 'Servicios de salud y sociales' },
  housing: { en: 'Housing', es: 'Vivienda' },
  'infrastructure-systems': { en: 'Infrastructure Systems', es: 'Sistemas de infraestructura' },
  'natural-and-cultural-resources': { en: 'Natural and Cultural Resources', es: 'Recursos naturales y culturales' },
} as const satisfies Record<string, Bilingual>;

export type CoreCapability = keyof typeof CORE_CAPABILITIES;

export const CORE_CAPABILITY_IDS = Object.keys(CORE_CAPABILITIES) as CoreCapability[];
