/** Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF; lone surrogates). */
const NOT_XML =
  // Matching control characters is the point of this expression.
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** The text without the characters XML cannot carry. */
export function stripNonXml(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Text safe inside an element or an attribute: markup characters escaped, characters XML forbids removed. */
export function escapeXml(text: string): string {
  return stripNonXml(text).replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** A tiny element tree, rendered with two-space indentation. */
export type XmlNode = { name: string; text: string } | { name: string; children: XmlNode[] };

export function element(name: string, text: string): XmlNode {
  return { name, text };
}

export function parent(name: string, children: XmlNode[]): XmlNode {
  return { name, children };
}

export function renderXml(node: XmlNode, attributes: Record<string, string> = {}, depth = 0): string {
  const indent = '  '.repeat(depth);
  const attributeText = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  if ('text' in node) return `${indent}<${node.name}${attributeText}>${escapeXml(node.text)}</${node.name}>`;
  if (node.children.length === 0) return `${indent}<${node.name}${attributeText}/>`;
  const inner = node.children.map((child) => renderXml(child, {}, depth + 1)).join('\n');
  return `${indent}<${node.name}${attributeText}>\n${inner}\n${indent}</${node.name}>`;
}
