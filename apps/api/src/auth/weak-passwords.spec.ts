import { COMMON_PASSWORDS, MIN_PASSWORD_LENGTH, passwordProblems, WEAK_PASSWORDS } from './weak-passwords.js';

describe('passwords hash-password refuses', () => {
  it('refuses fewer than 12 characters, saying why in English and Spanish', () => {
    const [problem, ...others] = passwordProblems('Tr0ub4dor&3');
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ rule: 'length' });
    expect(problem!.message.en).toMatch(/at least 12 characters/);
    expect(problem!.message.es).toMatch(/al menos 12 caracteres/);
    // Characters, not bytes or UTF-16 units: 12 accented letters are enough.
    expect(passwordProblems('ñáéíóúñáéíóú')).toEqual([]);
    expect(MIN_PASSWORD_LENGTH).toBe(12);
  });

  it('refuses the common passwords attackers try first, in any case, and every weak one production looks for', () => {
    for (const common of ['Password1234', 'QWERTY123456', 'contraseña123', 'enlaceenlace']) {
      expect(passwordProblems(common).map((problem) => problem.rule)).toEqual(['common']);
    }
    expect(passwordProblems('demo').map((problem) => problem.rule)).toEqual(['length', 'common']);
    expect(passwordProblems('demo')[1]!.message.es).toMatch(/contraseñas comunes/);
    for (const weak of WEAK_PASSWORDS) expect(passwordProblems(weak).length).toBeGreaterThan(0);
    expect(new Set(COMMON_PASSWORDS.map((common) => common.toLowerCase())).size).toBe(COMMON_PASSWORDS.length);
  });

  it('takes a long passphrase', () => {
    expect(passwordProblems('paper lantern over the river')).toEqual([]);
  });
});
