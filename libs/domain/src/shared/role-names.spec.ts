import { describe, expect, it } from '@jest/globals';
import { roleList, ROLE_NAMES } from './role-names.js';

describe('role names in messages', () => {
  it('names every role in both languages, never by its id in Spanish', () => {
    for (const [role, names] of Object.entries(ROLE_NAMES)) {
      expect(names.en.trim()).not.toBe('');
      expect(names.es.trim()).not.toBe('');
      if (role !== 'auditor') expect(names.es).not.toBe(role);
    }
  });

  it('joins several roles with the conjunction of the language', () => {
    expect(roleList(['officer'], 'es')).toBe('oficial de enlace');
    expect(roleList(['planner', 'admin'], 'en')).toBe('drill planner or administrator');
    expect(roleList(['planner', 'admin'], 'es')).toBe('planificador de simulacros o administrador');
    expect(roleList(['admin', 'officer'], 'es')).toBe('administrador u oficial de enlace');
  });
});
