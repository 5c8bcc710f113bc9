// The import tests' yardstick: a report's diagnostics named by the template cell they sit on (not by offsets,
// which differ between a text form and an imported page), and report variants that break rules on purpose.
import fc from 'fast-check';
import { checkText, parseDocument, type Diagnostic, type ParsedDocument, type Span } from '../../server/src/engine';
import type { TableId } from '../../server/src/engine/template/types';
import { consistentValues, OUTCOME_KEYS, renderReport, seededRandom, type ReportValues } from './generate';
import { keyName, officialReport, type Block, type CellKey, type ValueText } from './official';

const inside = (outer: Span, inner: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;

/** The template cell (or row label) a span lies in, as `三/R5/6` or `三/R5/label`; null outside every table. */
export function cellOf(parsed: ParsedDocument, span: Span): string | null {
  for (const report of parsed.reports) {
    for (const [id, table] of Object.entries(report.tables)) {
      if (!table || !inside(table.span, span)) continue;
      for (const [key, row] of table.rows) {
        const col = row.cells?.findIndex((c) => inside(c.span, span)) ?? -1;
        if (col >= 0) return `${id}/${key}/${col}`;
        if (inside(row.labelSpan, span) || inside(row.valueZone, span)) return `${id}/${key}/label`;
      }
      return `${id}/table`;
    }
  }
  return null;
}

/** Each diagnostic as code, severity, message and the cell it is on (or the text it covers, outside tables). */
export function namedDiagnostics(text: string): string[] {
  const result = checkText(text);
  return result.diagnostics.map((d: Diagnostic) => `${d.code}|${d.severity}|${d.message}|${cellOf(result.parsed, d.span) ?? text.slice(d.span.start, d.span.end)}`).sort();
}

export interface Variant {
  readonly seed: number;
  readonly fullWidth: boolean;
  /** cells whose value is changed by a delta (breaking a total) */
  readonly deltas: readonly { key: CellKey; delta: number }[];
  /** cells written empty */
  readonly blanks: readonly CellKey[];
}

const TABLE3_CELL = fc.record({ table: fc.constant<TableId>('三'), row: fc.constantFrom(...OUTCOME_KEYS, 'R1', 'R2', 'R24', 'R25'), col: fc.integer({ min: 0, max: 6 }) });
const TABLE4_CELL = fc.record({ table: fc.constant<TableId>('四'), row: fc.constant('G'), col: fc.integer({ min: 0, max: 14 }) });
const CELL = fc.oneof({ weight: 4, arbitrary: TABLE3_CELL }, { weight: 1, arbitrary: TABLE4_CELL });

export const arbVariant: fc.Arbitrary<Variant> = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  fullWidth: fc.boolean(),
  deltas: fc.array(fc.record({ key: CELL, delta: fc.integer({ min: 1, max: 9 }) }), { maxLength: 2 }),
  blanks: fc.array(CELL, { maxLength: 2 }),
});

const FULL_WIDTH = '０１２３４５６７８９';

export interface VariantReport {
  /** renderReport's text of the report, blanks cut out of it */
  readonly text: string;
  /** the same report laid out as the official template, for the writers of each format */
  readonly blocks: Block[];
  readonly values: ReportValues;
  readonly blank: (key: CellKey) => boolean;
}

export function variantReport(v: Variant, agency = '示例县发展和改革局', year = 2024): VariantReport {
  const values = consistentValues(seededRandom(v.seed));
  const valuesOf = (k: CellKey): number[] => (k.table === '三' ? values.table3[k.row] : k.table === '四' ? values.table4 : values.table2[k.row]);
  for (const { key, delta } of v.deltas) valuesOf(key)[key.col] += delta;
  const blankSet = new Set(v.blanks.map(keyName));
  const blank = (k: CellKey): boolean => blankSet.has(keyName(k));
  const write: ValueText = (k, value) => (blank(k) ? '' : v.fullWidth ? String(value).replace(/\d/g, (d) => FULL_WIDTH[+d]) : String(value));
  const spec = { agency, year, values };
  let text = renderReport({ ...spec, layout: 'tabs', fullWidth: v.fullWidth });
  const tables = parseDocument(text).reports[0].tables;
  const cut = v.blanks
    .map((k) => tables[k.table]!.rows.get(k.row)!.cells![k.col].span)
    .filter((s, i, all) => all.findIndex((o) => o.start === s.start) === i)
    .sort((a, b) => b.start - a.start);
  for (const s of cut) text = text.slice(0, s.start) + text.slice(s.end);
  return { text, blocks: officialReport(spec, write), values, blank };
}
