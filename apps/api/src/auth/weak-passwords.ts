/**
 * What makes a password too weak to be given (`npm run hash-password`) or kept (production). NIST SP 800-63B §3.1.1.2
 * and OWASP ASVS V2.1.1/V2.1.7: at least 12 characters, and none that attackers try first.
 */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Checked against every account's hash when the api starts in production and when users.json changes: kept small,
 * since each check of a hash costs a full scrypt (~0.3 s of a core). Results are kept beside the data, so a hash is
 * checked once. Every entry is also refused by `hash-password` (by length, or in COMMON_PASSWORDS).
 */
export const WEAK_PASSWORDS: readonly string[] = ['demo', 'password', 'changeme', 'enlace'];

/**
 * Refused by `hash-password`, in any case: common passwords of 12 characters or more (shorter ones are refused by
 * length), from the published lists of breached passwords, and this product's own name and demo password spelled out.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  ...WEAK_PASSWORDS,
  '123456789012',
  '1234567890123',
  '12345678910',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'qwertyuiop12',
  'qwertyuiopas',
  'qwerty123456',
  'qwertyuiop123',
  'asdfghjkl123',
  'password1234',
  'password123!',
  'password12345',
  'passwordpassword',
  'passw0rd1234',
  'p@ssw0rd1234',
  'iloveyou1234',
  'changeme1234',
  'changemenow!',
  'welcome12345',
  'welcome2024!',
  'welcome2025!',
  'welcome2026!',
  'letmein12345',
  'administrator',
  'administrador',
  'contraseña123',
  'contrasena123',
  'contraseña1234',
  'contrasena1234',
  'abcdefghijkl',
  'aaaaaaaaaaaa',
  '111111111111',
  '000000000000',
  'enlace123456',
  'enlaceenlace',
  'enlace2026!!',
  'demodemodemo',
  'demo12345678',
];

export interface PasswordProblem {
  rule: 'length' | 'common';
  message: { en: string; es: string };
}

/** Why `password` may not be given to an account; empty when it may. */
export function passwordProblems(password: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    problems.push({
      rule: 'length',
      message: {
        en: `a password needs at least ${MIN_PASSWORD_LENGTH} characters: length is what makes it hard to guess (a passphrase of a few words is easy to remember)`,
        es: `una contraseña necesita al menos ${MIN_PASSWORD_LENGTH} caracteres: la longitud es lo que la hace difícil de adivinar (una frase de unas pocas palabras es fácil de recordar)`,
      },
    });
  }
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.some((common) => common.toLowerCase() === lowered)) {
    problems.push({
      rule: 'common',
      message: {
        en: 'this password is on the lists of common passwords that attackers try first',
        es: 'esta contraseña está en las listas de contraseñas comunes que los atacantes prueban primero',
      },
    });
  }
  return problems;
}
