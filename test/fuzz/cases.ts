// Fuzz cases: the seeds mutated at random (characters, digits, tabs, line breaks, labels, random bytes,
// truncation), and the checks every case must pass: no exception, every range inside the document, every
// fix applicable, and an incremental update equal to a fresh check.
import { applyEdits, byPosition, checkText, type Diagnostic } from '../../server/src/engine';
import { IncrementalDocument } from '../../server/src/engine/incremental';
import { TEMPLATES } from '../../server/src/engine/template/tables';
import { readSeed, SEEDS } from '../support/helpers';

export type Random = (n: number) => number;

/** xorshift32; random(n) is in [0, n) */
export function seeded(seed: number): Random {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return n <= 0 ? 0 : (s >>> 0) % n;
  };
}

const LABELS = Object.values(TEMPLATES['2021'].tables).flatMap((t) => t.rows.map((r) => r.label));
const PIECES = [
  '0', '7', '12', '０', '１２', '-3', '1.5', '\t', '\t\t', '\n', '\r\n', '\r', ' ', '\u3000', '|', '---', '总计', '（七）',
  '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
  '2024年政府信息公开工作年度报告', '国办公开办函〔2021〕30号', '\u0000', '\ud800', '\ufeff', '/', '无', '。',
];

export const SEED_FILES = (Object.keys(SEEDS) as (keyof typeof SEEDS)[]).map(readSeed);

function randomBytesAsText(random: Random, length: number): string {
  return Buffer.from(Array.from({ length }, () => random(256))).toString(random(2) ? 'utf8' : 'latin1');
}

/** One random change of the text, and where it happened (for the incremental check). */
export function mutateOnce(text: string, random: Random): { start: number; end: number; inserted: string } {
  const at = random(text.length + 1);
  switch (random(9)) {
    case 0:
    case 1:
      return { start: at, end: at, inserted: PIECES[random(PIECES.length)] };
    case 2:
      return { start: at, end: Math.min(text.length, at + 1 + random(8)), inserted: '' };
    case 3:
      return { start: at, end: Math.min(text.length, at + 1), inserted: PIECES[random(PIECES.length)] };
    case 4:
      return { start: at, end: at, inserted: LABELS[random(LABELS.length)] };
    case 5:
      return { start: at, end: Math.min(text.length, at + random(4)), inserted: randomBytesAsText(random, 1 + random(16)) };
    case 6: {
      // a whole line deleted or duplicated
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const lineEnd = text.indexOf('\n', at);
      const end = lineEnd < 0 ? text.length : lineEnd + 1;
      return random(2) ? { start: lineStart, end, inserted: '' } : { start: lineStart, end: lineStart, inserted: text.slice(lineStart, end) };
    }
    case 7:
      return { start: at, end: text.length, inserted: '' }; // truncated
    default:
      return { start: at, end: Math.min(text.length, at + random(200)), inserted: '' };
  }
}

export interface CaseResult {
  readonly bytes: number;
  readonly ms: number;
}

export class FuzzFailure extends Error {
  constructor(
    message: string,
    readonly text: string,
  ) {
    super(message);
  }
}

function assertInside(ds: readonly Diagnostic[], length: number, text: string): void {
  for (const d of ds) {
    const spans = [d.span, ...(d.fix?.edits.map((e) => e.span) ?? []), ...(d.related ? [d.related] : [])];
    for (const s of spans) {
      if (!(s.start >= 0 && s.start <= s.end && s.end <= length)) throw new FuzzFailure(`${d.code}: span ${JSON.stringify(s)} outside 0..${length}`, text);
    }
    if (!d.message) throw new FuzzFailure(`${d.code}: empty message`, text);
  }
}

const key = (d: Diagnostic): string => JSON.stringify(d);

/**
 * Runs one case: a seed mutated 1–6 times. Every `incrementalEvery`-th case also replays the last mutation
 * as an incremental update and compares it with the fresh check.
 */
export function runCase(caseNo: number, seed: number, incrementalEvery = 20): CaseResult {
  const random = seeded(seed * 1_000_003 + caseNo);
  let text = SEED_FILES[random(SEED_FILES.length)];
  const mutations = 1 + random(6);
  let previous = text;
  let last = { start: 0, end: 0, inserted: '' };
  for (let k = 0; k < mutations; k++) {
    previous = text;
    last = mutateOnce(text, random);
    text = text.slice(0, last.start) + last.inserted + text.slice(last.end);
  }
  const t0 = process.hrtime.bigint();
  let result: ReturnType<typeof checkText>;
  try {
    result = checkText(text);
    assertInside(result.diagnostics, text.length, text);
    applyEdits(text, result.diagnostics.flatMap((d) => d.fix?.edits ?? []));
  } catch (e) {
    if (e instanceof FuzzFailure) throw e;
    throw new FuzzFailure(`exception: ${(e as Error).stack ?? e}`, text);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (caseNo % incrementalEvery === 0) {
    const doc = new IncrementalDocument(previous);
    doc.update(last.start, last.end, last.inserted);
    const incremental = doc.diagnostics().map(key).sort();
    const fresh = [...result.diagnostics].sort(byPosition).map(key).sort();
    if (JSON.stringify(incremental) !== JSON.stringify(fresh)) throw new FuzzFailure('incremental diagnostics differ from a fresh check', previous + '\u0000EDIT\u0000' + JSON.stringify(last));
  }
  return { bytes: Buffer.byteLength(text), ms };
}
