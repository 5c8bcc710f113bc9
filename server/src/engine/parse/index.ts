// Text → reports → sections → tables.
import type { ParsedDocument, Report, Section, Table } from '../model';
import { TEMPLATES, TRIAL_MARKERS } from '../template/tables';
import type { TableId, TemplateId } from '../template/types';
import { fold } from '../text/fold';
import { splitLines, type Line } from '../text/lines';
import { readHeading, readTitle, type HeadingLine, type TitleLine } from './blocks';
import { parseTable } from './table';
import { tokenize } from './tokens';

interface ReportDraft {
  title: TitleLine | null;
  start: number;
  headings: HeadingLine[];
  lines: Line[];
}

function splitReports(lines: readonly Line[]): ReportDraft[] {
  const drafts: ReportDraft[] = [];
  let current: ReportDraft | null = null;
  lines.forEach((line, i) => {
    const title = readTitle(lines, i);
    if (title) {
      if (!current || current.headings.length > 0) {
        current = { title, start: (title.agencyLine ?? line).start, headings: [], lines: [] };
        drafts.push(current);
      } else {
        // a second title line before any section (a page header, a metadata line): the later one is the title
        current.title = title;
      }
      current.lines.push(line);
      return;
    }
    const heading = readHeading(line);
    if (heading && !current) {
      current = { title: null, start: line.start, headings: [], lines: [] };
      drafts.push(current);
    }
    if (!current) return;
    if (heading) current.headings.push(heading);
    current.lines.push(line);
  });
  return drafts;
}

function chooseTemplate(sectionTwoText: string | null, year: number | null): { id: TemplateId; reason: 'tables' | 'year' } {
  if (sectionTwoText !== null) {
    const folded = fold(sectionTwoText).text;
    if (TRIAL_MARKERS.some((m) => folded.includes(m))) return { id: '2019', reason: 'tables' };
    if (/本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额/.test(folded)) return { id: '2021', reason: 'tables' };
  }
  return { id: year !== null && year <= 2020 ? '2019' : '2021', reason: 'year' };
}

function buildReport(text: string, draft: ReportDraft): Report {
  const lastLine = draft.lines[draft.lines.length - 1];
  const end = lastLine.end;
  const sections: Section[] = draft.headings.map((h, k) => {
    const next = draft.headings[k + 1];
    return {
      number: h.section.number,
      headingSpan: { start: h.line.start, end: h.line.end },
      headingText: h.line.text.trim(),
      body: { start: h.line.end, end: next ? next.line.start : end },
    };
  });
  const firstOf = (n: number): Section | undefined => sections.find((s) => s.number === n);
  const two = firstOf(2);
  const year = draft.title?.year ?? null;
  const { id, reason } = chooseTemplate(two ? text.slice(two.body.start, two.body.end) : null, year);
  const template = TEMPLATES[id];
  const tables: Partial<Record<TableId, Table>> = {};
  for (const tableId of ['二', '三', '四'] as const) {
    const section = firstOf(tableId === '二' ? 2 : tableId === '三' ? 3 : 4);
    if (!section) continue;
    const bodyLines = draft.lines.filter((l) => l.start >= section.body.start && l.end <= section.body.end && l.start < section.body.end);
    const table = parseTable(tokenize(text, bodyLines), template.tables[tableId], text, section.body.end);
    if (table) tables[tableId] = table;
  }
  const title = draft.title;
  return {
    title: title ? [title.agencyLine?.text.trim(), title.line.text.trim()].filter(Boolean).join('') : '',
    agency: title?.agency ?? '',
    year,
    span: { start: draft.start, end },
    titleSpan: title ? { start: title.line.start, end: title.line.end } : null,
    sections,
    tables,
    templateId: id,
    template,
    templateReason: reason,
  };
}

export function parseDocument(text: string): ParsedDocument {
  return { text, reports: parseRange(text, 0, text.length) };
}

/** The reports that start in text[from, to), read as if the text held nothing else; `from` must be a line start. */
export function parseRange(text: string, from: number, to: number): Report[] {
  return splitReports(splitLines(text, from, to)).map((d) => buildReport(text, d));
}
