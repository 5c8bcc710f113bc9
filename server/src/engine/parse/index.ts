// Text → reports → sections → tables.
import type { ParsedDocument, Report, Section, Table } from '../model';
import { TEMPLATES, TRIAL_MARKERS } from '../template/tables';
import type { TableId, TemplateId } from '../template/types';
import { lineBounds, type LineBounds } from '../text/lines';
import { BaoFinder, readHeading, readTitle, type HeadingLine, type TitleLine } from './blocks';
import { foldText } from '../text/fold';
import { labelInfo, MAX_LABEL } from './labels';
import { parseTable } from './table';
import { LABEL, tokenize, type TokenStream } from './tokens';

interface ReportDraft {
  title: TitleLine | null;
  start: number;
  headings: HeadingLine[];
  /** the report's lines, as numbers into the document's line bounds */
  firstLine: number;
  lastLine: number;
}

function splitReports(text: string, lines: LineBounds, from: number): ReportDraft[] {
  const drafts: ReportDraft[] = [];
  let current: ReportDraft | null = null;
  const bao = new BaoFinder(text, from);
  for (let i = 0; i < lines.starts.length; i++) {
    const title = readTitle(text, lines, i, bao.inLine(lines.starts[i], lines.ends[i]));
    if (title) {
      if (!current || current.headings.length > 0) {
        current = { title, start: (title.agencyLine ?? title.line).start, headings: [], firstLine: i, lastLine: i };
        drafts.push(current);
      } else {
        // a second title line before any section (a page header, a metadata line): the later one is the title
        current.title = title;
      }
      current.lastLine = i;
      continue;
    }
    const heading = readHeading(text, lines, i);
    if (heading && !current) {
      current = { title: null, start: lines.starts[i], headings: [], firstLine: i, lastLine: i };
      drafts.push(current);
    }
    if (!current) continue;
    if (heading) current.headings.push(heading);
    current.lastLine = i;
  }
  return drafts;
}

/** The folded label text of a section, with a break wherever a number or blank stands between labels. */
function foldedLabels(stream: TokenStream): string {
  let folded = '';
  for (let t = 0; t < stream.tokenCount; t++) {
    if (stream.kind[t] !== LABEL) folded += '\n';
    else if (stream.end[t] - stream.start[t] > MAX_LABEL) folded += foldText(stream.text(t));
    else folded += labelInfo(stream.text(t)).folded.text;
  }
  return folded;
}

function chooseTemplate(sectionTwo: TokenStream | null, year: number | null): { id: TemplateId; reason: 'tables' | 'year' } {
  if (sectionTwo !== null) {
    const folded = foldedLabels(sectionTwo);
    if (TRIAL_MARKERS.some((m) => folded.includes(m))) return { id: '2019', reason: 'tables' };
    if (/本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额/.test(folded)) return { id: '2021', reason: 'tables' };
  }
  return { id: year !== null && year <= 2020 ? '2019' : '2021', reason: 'year' };
}

function buildReport(text: string, lines: LineBounds, draft: ReportDraft): Report {
  const end = lines.ends[draft.lastLine];
  const sections: Section[] = draft.headings.map((h, k) => {
    const next = draft.headings[k + 1];
    return {
      number: h.section.number,
      headingSpan: { start: h.line.start, end: h.line.end },
      headingText: h.line.text.trim(),
      body: { start: h.line.end, end: next ? next.line.start : end },
    };
  });
  // each table section's lines: after its heading, up to the next heading (an empty last line of the report is left out)
  const streams = new Map<number, TokenStream>();
  draft.headings.forEach((h, k) => {
    if (h.section.number < 2 || h.section.number > 4 || streams.has(h.section.number)) return;
    const next = draft.headings[k + 1];
    let to = next ? next.line.index : draft.lastLine + 1;
    if (!next && lines.starts[draft.lastLine] === end && to - 1 > h.line.index) to--;
    streams.set(h.section.number, tokenize(text, lines, h.line.index + 1, to));
  });
  const year = draft.title?.year ?? null;
  const { id, reason } = chooseTemplate(streams.get(2) ?? null, year);
  const template = TEMPLATES[id];
  const tables: Partial<Record<TableId, Table>> = {};
  for (const [number, tableId] of [[2, '二'], [3, '三'], [4, '四']] as const) {
    const stream = streams.get(number);
    const section = sections.find((s) => s.number === number);
    if (!stream || !section) continue;
    const table = parseTable(stream, template.tables[tableId], section.body.end);
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
  const lines = lineBounds(text, from, to);
  return splitReports(text, lines, from).map((d) => buildReport(text, lines, d));
}
