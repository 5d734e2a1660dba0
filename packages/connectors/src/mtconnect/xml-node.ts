import { XMLParser } from "fast-xml-parser";

/**
 * One parsed XML element. Every child element is parsed as an array (see `isArray` below), so a
 * document that happens to hold one `Device` or one `Execution` has the same shape as one that
 * holds many; attributes carry the `@_` prefix and text sits in `#text`.
 */
export type TXmlNode = { readonly [key: string]: unknown };

const ATTRIBUTE_PREFIX = "@_";
const TEXT_KEY = "#text";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  // Agents of different versions use a default namespace or a prefixed one (`m:`, `mt:`):
  // dropping prefixes lets one walker read 1.1 to 2.x.
  removeNSPrefix: true,
  // Values stay strings: "0012" is a program name, not 12, and UNAVAILABLE must survive.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
});

function isNode(value: unknown): value is TXmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses an XML text into its top-level node (whose keys are the root element names). */
export function parseXml(xml: string): TXmlNode {
  const parsed: unknown = parser.parse(xml);
  if (!isNode(parsed)) throw new Error("MTConnect: the response is not an XML document");
  return parsed;
}

/** The child elements named `name`; an element holding only text becomes a node with `#text`. */
export function childNodes(node: TXmlNode, name: string): TXmlNode[] {
  const value = node[name];
  if (!Array.isArray(value)) return [];
  return value.map((item: unknown) => (isNode(item) ? item : { [TEXT_KEY]: String(item ?? "") }));
}

export function firstChild(node: TXmlNode, name: string): TXmlNode | undefined {
  return childNodes(node, name)[0];
}

/** Child element names in the order the parser kept them, attributes and text left out. */
export function childElementNames(node: TXmlNode): string[] {
  return Object.keys(node).filter((key) => !key.startsWith(ATTRIBUTE_PREFIX) && key !== TEXT_KEY);
}

export function attribute(node: TXmlNode, name: string): string | undefined {
  const value = node[`${ATTRIBUTE_PREFIX}${name}`];
  return typeof value === "string" ? value : undefined;
}

export function textOf(node: TXmlNode): string {
  const value = node[TEXT_KEY];
  if (Array.isArray(value)) return value.map(String).join("").trim();
  return typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
}
