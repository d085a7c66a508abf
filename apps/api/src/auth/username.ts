import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A directory username: a lower-case letter, then 1–63 lower-case letters, digits, dots, underscores or hyphens. */
export const USERNAME = /^[a-z][a-z0-9._-]{1,63}$/;

export const USERNAME_RULE = {
  en: 'must be 2–64 letters, digits or . _ -, starting with a letter',
  es: 'debe tener de 2 a 64 letras, dígitos o . _ -, y empezar con una letra',
} as const;

const USERNAME_IN_ANY_CASE = new RegExp(USERNAME.source, 'i');

/** Whether `value` can be a directory username, in any case (a phone may capitalise the first letter). */
export function isUsernameInAnyCase(value: unknown): value is string {
  return typeof value === 'string' && USERNAME_IN_ANY_CASE.test(value);
}

/**
 * The username typed at sign-in: refused (400 naming the field, before anything is checked or recorded) unless it can
 * be a directory username in some case, so nothing else — bidirectional overrides, control characters, spaces —
 * reaches the sign-in journal or a log line. The caller looks it up in lower case.
 */
export function IsUsername(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isUsername',
      validator: {
        validate: (value: unknown) => isUsernameInAnyCase(value),
        defaultMessage: () => `$property ${USERNAME_RULE.en}`,
      },
    },
    options,
  );
}
