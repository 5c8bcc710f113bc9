// What marks the report among a page's layout: a table whose cells carry the template's labels, a section
// heading, the title. The labels come from the engine's template, so nothing here knows one by heart.
import { foldText, SECTIONS, TEMPLATES } from '../engine';

/** Labels short enough to stand in any table (其他, 总计, 规章) count only when a cell is exactly them. */
const DISTINCT_LENGTH = 4;

const LABELS: ReadonlySet<string> = new Set(
  Object.values(TEMPLATES).flatMap((template) =>
    Object.values(template.tables).flatMap((t) => [
      ...t.rows.map((r) => r.core),
      ...t.groups.map((g) => g.core),
      ...t.headers.map((h) => foldText(h)),
      ...t.rows.flatMap((r) => r.columns.map((c) => foldText(c.label))),
    ]),
  ),
);
const LONG_LABELS = [...LABELS].filter((l) => l.length >= DISTINCT_LENGTH);

/** A cell's text is a template label, possibly behind its numbering (`一、本年新收…`, `1.属于国家秘密`). */
export function isTemplateLabel(text: string): boolean {
  const folded = foldText(text, 80);
  if (LABELS.has(folded)) return true;
  return folded.length <= 80 && LONG_LABELS.some((l) => folded.endsWith(l) && folded.length - l.length <= 2);
}

/** Two template labels among a table's cells make it one of the report's tables, not a layout table. */
export const TEMPLATE_TABLE_LABELS = 2;

const HEADING_LIMIT = 40;
const TITLE_LIMIT = 80;

/** A section heading (`一、总体情况`) or the report's title (`…政府信息公开工作年度报告`). */
export function isReportLandmark(text: string): boolean {
  const folded = foldText(text, TITLE_LIMIT + 1);
  if (folded.length > TITLE_LIMIT) return false;
  if (folded.includes('政府信息公开') && folded.includes('报告')) return true;
  return (
    folded.length <= HEADING_LIMIT && SECTIONS.some((s) => folded.startsWith(s.numeral) && s.keys.some((k) => folded.includes(k)))
  );
}
