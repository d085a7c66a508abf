// The api's refusals of a form, field by field, so each message can be shown next to its field: validation answers
// list `details.fields` (`{ field, message: { en, es } }`), a domain refusal names one `details.field` and carries its
// message. Fields are named as the form names them (see formField).
import type { Lang } from '../i18n';

export interface RefusalLike {
  messages: { en: string; es: string };
  details: Record<string, unknown>;
}

/** `plan.title.es` → `title.es`; `participants.1.username` (class-validator's path) → `participants[1].username`. */
const formField = (field: string) => field.replace(/^plan\./, '').replace(/\.(\d+)(?=\.|$)/g, '[$1]');

export function fieldErrors(error: RefusalLike | undefined, lang: Lang): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  if (!error) return byField;
  const add = (field: unknown, message: { en?: string; es?: string } | undefined) => {
    const text = message?.[lang] ?? message?.en;
    if (typeof field !== 'string' || typeof text !== 'string') return;
    const key = formField(field);
    byField.set(key, [...(byField.get(key) ?? []), text]);
  };
  const fields = error.details.fields;
  if (Array.isArray(fields)) {
    for (const entry of fields as { field?: unknown; message?: { en?: string; es?: string } }[]) {
      add(entry?.field, entry?.message);
    }
  } else {
    add(error.details.field, error.messages);
  }
  return byField;
}

/** The messages of `field` and of the fields inside it (`title` gathers `title.en` and `title.es`). */
export function messagesOf(errors: Map<string, string[]>, field: string): string[] {
  return [...errors].flatMap(([key, messages]) =>
    key === field || key.startsWith(`${field}.`) || key.startsWith(`${field}[`) ? messages : [],
  );
}
