import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

/** The OASIS CAP 1.2 schema every alert Enlace writes must validate against (`libs/cap/schema`). */
const SCHEMA = readFileSync(new URL('../../schema/CAP-v1.2.xsd', import.meta.url), 'utf8');

/** Validates `xml` against the CAP 1.2 schema; throws with every schema error and the document when it is not valid. */
export async function assertValidCap(xml: string): Promise<void> {
  const result = await validateXML({
    xml: [{ fileName: 'alert.xml', contents: xml }],
    schema: [{ fileName: 'CAP-v1.2.xsd', contents: SCHEMA }],
  });
  if (!result.valid) {
    throw new Error(
      `Not valid CAP 1.2:\n${result.errors.map((error) => error.rawMessage).join('\n')}\n--- document ---\n${xml}`,
    );
  }
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of every `<tag>` element, unescaped. */
export function all(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => unescapeXml(match[1]!));
}

/** The text of the first `<tag>` element, unescaped. */
export function first(xml: string, tag: string): string | undefined {
  return all(xml, tag)[0];
}

/** The text of the one `<tag>` element, unescaped; throws when there are several. */
export function only(xml: string, tag: string): string | undefined {
  const values = all(xml, tag);
  if (values.length > 1) throw new Error(`<${tag}> occurs ${values.length} times`);
  return values[0];
}
