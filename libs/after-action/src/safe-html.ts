/**
 * HTML built so that escaping cannot be forgotten: every value put into a `markup` template is escaped unless it is
 * itself `SafeHtml` (markup built the same way). Observations, halt reasons and improvement texts are user input.
 */
export class SafeHtml {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

type Fragment = SafeHtml | string | number | null | undefined | false | readonly Fragment[];

function markupOf(value: Fragment): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map((item: Fragment) => markupOf(item)).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function markup(strings: TemplateStringsArray, ...values: Fragment[]): SafeHtml {
  return new SafeHtml(
    strings.reduce((out, text, index) => out + text + (index < values.length ? markupOf(values[index]) : ''), ''),
  );
}

/** Markup written by this lib itself (a style sheet): never user text. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
