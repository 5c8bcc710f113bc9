// The editor snippets, built from the official template so that they always match what the engine reads:
// each blank table with every value a tab stop pre-filled with 0, and a whole-report skeleton for a given year.
import { SECTIONS } from './sections';
import { TEMPLATES } from './tables';
import { renderBlankTable } from './render';
import type { TableId } from './types';

export interface Snippet {
  readonly prefix: readonly string[];
  readonly description: string;
  readonly body: readonly string[];
}

const escapeSnippet = (text: string): string => text.replace(/[\\$}]/g, (c) => `\\${c}`);

function table(id: TableId, firstStop: number): { lines: string[]; next: number } {
  let stop = firstStop;
  const template = TEMPLATES['2021'].tables[id];
  const placeholder = (): string => `\${${stop++}:0}`;
  // labels are escaped line by line; tab stops are inserted after escaping
  const marker = '\u0000';
  const lines = renderBlankTable(template, () => marker).map((line) => escapeSnippet(line).split(marker).map((part, k) => (k ? placeholder() + part : part)).join(''));
  return { lines, next: stop };
}

/** The blank tables, for the contributed snippets (their text never changes, so it is built once, at build time). */
export function buildSnippets(): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  const names: Record<TableId, string> = { 二: 'table2', 三: 'table3', 四: 'table4' };
  for (const id of ['二', '三', '四'] as const) {
    snippets[`表${id}（空白）`] = {
      prefix: [`表${id}`, `xxgk-${names[id]}`],
      description: `空白${TEMPLATES['2021'].tables[id].title}表（2021 年版格式，每格 0） / blank Table ${id}`,
      body: table(id, 1).lines,
    };
  }
  return snippets;
}

/**
 * The whole-report skeleton for reporting on `reportYear` (last year, when a clerk writes it): the title, the six
 * sections with the three blank tables, and the agency and date that sign it, in the next year by the deadline.
 * It depends on the date it is inserted, so the language server offers it as a completion, not a static snippet.
 */
export function buildSkeleton(reportYear: number): Snippet {
  const body: string[] = [`\${1:XX县人民政府}\${2:${reportYear}}年政府信息公开工作年度报告`, ''];
  let stop = 3;
  for (const section of SECTIONS) {
    body.push(`${section.numeral}、${section.heading}`, '');
    if (section.table) {
      const rendered = table(section.table, stop);
      body.push(...rendered.lines, '');
      stop = rendered.next;
    } else {
      body.push(`\${${stop++}:（请填写）}`, '');
    }
  }
  body.push(`\${${stop++}:XX县人民政府}`, `${reportYear + 1}年\${${stop++}:1}月\${${stop++}:20}日`);
  return {
    prefix: ['年报', '政府信息公开工作年度报告', 'xxgk-report'],
    description: `政府信息公开工作年度报告（${reportYear} 年度）：六个部分、三张空白表和落款日期 / the whole report skeleton`,
    body: [...body, '$0'],
  };
}
