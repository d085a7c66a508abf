import type { Role } from './decider.js';

/**
 * The roles as messages name them, in both languages: a Spanish message never shows an English role id
 * ("la función officer"). The same names as the console's (oficial de enlace, planificador de simulacros, …).
 */
export const ROLE_NAMES: Readonly<Record<Role, { en: string; es: string }>> = {
  officer: { en: 'liaison officer', es: 'oficial de enlace' },
  planner: { en: 'drill planner', es: 'planificador de simulacros' },
  auditor: { en: 'auditor', es: 'auditor' },
  admin: { en: 'administrator', es: 'administrador' },
  system: { en: 'system', es: 'sistema' },
  simulator: { en: 'simulated agency (exercise)', es: 'agencia simulada (ejercicio)' },
};

/** "liaison officer or administrator"; "oficial de enlace o administrador" ("u" before an o sound: "… u oficial"). */
export function roleList(roles: readonly Role[], lang: 'en' | 'es'): string {
  const names = roles.map((role) => ROLE_NAMES[role][lang]);
  if (names.length <= 1) return names.join('');
  const last = names.at(-1)!;
  const conjunction = lang === 'en' ? 'or' : /^h?o/i.test(last) ? 'u' : 'o';
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${last}`;
}
