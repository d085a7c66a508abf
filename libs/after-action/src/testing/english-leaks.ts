import { CORE_CAPABILITIES } from '@enlace/scenarios';
import { EVENT_NAMES, LABELS, type LabelKey } from '../labels.js';

/** What a reader sees of an HTML document: its text, tags and style dropped, entities read. */
export function visibleText(document: string): string {
  return document
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every English label, event name and capability name that differs from its Spanish one, split at placeholders. */
function englishFragments(): string[] {
  const english = [
    ...(Object.keys(LABELS.en) as LabelKey[])
      .filter((key) => LABELS.en[key] !== LABELS.es[key])
      .map((key) => LABELS.en[key]),
    ...Object.values(EVENT_NAMES).map((names) => names.en),
    ...Object.values(CORE_CAPABILITIES).map((names) => names.en),
  ];
  return english.flatMap((text) =>
    text
      .split(/\{\w+\}/)
      .map((fragment) => fragment.replace(/^[\s:;,.()]+|[\s:;,.()]+$/g, ''))
      .filter((fragment) => fragment.length >= 3),
  );
}

/** The English fixed texts found as whole words in a Spanish report's visible text: none is expected. */
export function englishLeaks(spanishText: string): string[] {
  return englishFragments().filter((fragment) =>
    new RegExp(`(^|[^\\p{L}])${escapeRegExp(fragment)}($|[^\\p{L}])`, 'u').test(spanishText),
  );
}
