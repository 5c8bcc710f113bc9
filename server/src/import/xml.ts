// The XML of an OOXML part read as events (saxes): a reader keeps only the state it needs, so a large
// document.xml is never held as a tree.
import { SaxesParser } from 'saxes';
import { ImportError } from './failure';
import type { Parts } from './zip';

export type Attributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  text(text: string): void;
}

/** A part's bytes as text: UTF-8 (with or without its mark) or UTF-16 with its byte order mark. */
export function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

export function readXml(bytes: Uint8Array, part: string, handler: XmlHandler): void {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => handler.open(tag.name, tag.attributes as Attributes));
  parser.on('closetag', (tag) => handler.close(tag.name));
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));
  try {
    parser.write(xmlText(bytes)).close();
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`文件内容已损坏（${part} 不是完整的 XML），无法读取`);
  }
}

export interface Relationship {
  /** the target part's name, resolved against the source part's folder */
  readonly target: string;
  /** the relationship type's last word: officeDocument, numbering, styles, aFChunk, worksheet, sharedStrings… */
  readonly type: string;
}

/** A part's relationships (word/_rels/document.xml.rels) by id; `part` is '' for the package's own. */
export function readRelationships(parts: Parts, part: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  const name = relationshipsPart(part);
  const bytes = parts.get(name);
  if (!bytes) return relationships;
  const folder = part.slice(0, part.lastIndexOf('/') + 1);
  readXml(bytes, name, {
    open(element, a) {
      if (element === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') {
        relationships.set(a.Id, { target: resolvePart(folder, a.Target), type: (a.Type ?? '').slice((a.Type ?? '').lastIndexOf('/') + 1) });
      }
    },
    close() {},
    text() {},
  });
  return relationships;
}

export const relationshipsPart = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** A relationship target as a path in the package: absolute (`/word/x.xml`) or relative to the folder. */
function resolvePart(folder: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}
