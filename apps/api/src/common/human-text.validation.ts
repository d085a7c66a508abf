import { brokenTextRules, HUMAN_TEXT_RULES, type HumanTextRule } from '@enlace/domain';
import {
  registerDecorator,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';

/** Whether the field may hold line breaks and tabs; a function decides from the whole body (e.g. a translation). */
export type Multiline = boolean | ((body: object) => boolean);

interface TextRuleSettings {
  multiline: Multiline;
  /** `{ en?, es? }` (each language checked) rather than one string. */
  bilingual: boolean;
}

/** English for each rule; the Spanish is beside the other rules' in validation.ts. */
export const HUMAN_TEXT_MESSAGES: Record<HumanTextRule, string> = {
  visibleText: 'must contain at least one visible character (not only spaces or invisible characters)',
  noBidiOverrides: 'must not contain bidirectional override characters (U+202A–U+202E, U+2066–U+2069)',
  noControlCharacters: 'must not contain control characters (only long texts may hold line breaks and tabs)',
  wellFormedText: 'must be well-formed Unicode (no unpaired surrogate)',
};

export const HUMAN_TEXT_MESSAGES_ES: Record<HumanTextRule, string> = {
  visibleText: 'debe contener al menos un carácter visible (no solo espacios ni caracteres invisibles)',
  noBidiOverrides: 'no debe contener caracteres de control bidireccional (U+202A–U+202E, U+2066–U+2069)',
  noControlCharacters:
    'no debe contener caracteres de control (solo los textos largos admiten saltos de línea y tabuladores)',
  wellFormedText: 'debe ser Unicode bien formado (sin sustitutos sueltos)',
};

/**
 * Where `rule` is broken: '' for a plain string, 'en' or 'es' for a bilingual text, undefined when it holds. Values
 * of another type are left to the field's other rules (IsString, IsBilingualText).
 */
function breach(rule: HumanTextRule, args: ValidationArguments): string | undefined {
  const { multiline, bilingual } = args.constraints[0] as TextRuleSettings;
  const options = { multiline: typeof multiline === 'function' ? multiline(args.object) : multiline };
  const breaks = (text: unknown) => typeof text === 'string' && brokenTextRules(text, options).includes(rule);
  if (!bilingual) return breaks(args.value) ? '' : undefined;
  if (args.value === null || typeof args.value !== 'object') return undefined;
  const text = args.value as Record<string, unknown>;
  return (['en', 'es'] as const).find((language) => breaks(text[language]));
}

const constraints = Object.fromEntries(
  HUMAN_TEXT_RULES.map((rule) => {
    @ValidatorConstraint({ name: rule })
    class HumanTextConstraint implements ValidatorConstraintInterface {
      validate(_value: unknown, args: ValidationArguments): boolean {
        return breach(rule, args) === undefined;
      }

      /** `title.en must …`: the part of the field at fault comes first, for the error to name it. */
      defaultMessage(args: ValidationArguments): string {
        const part = breach(rule, args);
        return `${args.property}${part ? `.${part}` : ''} ${HUMAN_TEXT_MESSAGES[rule]}`;
      }
    }
    return [rule, HumanTextConstraint];
  }),
) as Record<HumanTextRule, new () => ValidatorConstraintInterface>;

/** Registers every human-text rule on a property; used by IsHumanText and IsBilingualText. */
export function applyHumanTextRules(target: object, propertyName: string, settings: TextRuleSettings): void {
  for (const rule of HUMAN_TEXT_RULES) {
    registerDecorator({
      name: rule,
      target: target.constructor,
      propertyName,
      constraints: [settings],
      options: {},
      validator: constraints[rule],
    });
  }
}

/**
 * A string a person types (a name, an agency, a reference, a translation): at least one visible character, no
 * bidirectional override, no control character (line breaks and tabs only where `multiline`), well-formed.
 */
export function IsHumanText({ multiline = false }: { multiline?: Multiline } = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    applyHumanTextRules(target, propertyName as string, { multiline, bilingual: false });
}
