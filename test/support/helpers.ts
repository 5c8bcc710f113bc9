// Shared test helpers: reading the sample reports and finding diagnostics by code and line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, LineIndex, type Diagnostic, type EngineOptions, type Report } from '../../server/src/engine';

export const ROOT = process.cwd();
export const SEEDS = {
  '000': 'examples/seed-000-zhanhe-caozhen-2024.txt',
  '001': 'examples/seed-001-suibin-zhongren-2023.txt',
  '002': 'examples/seed-002-gujiao-2021.txt',
  '003': 'examples/seed-003-yanjin-tapu-2024.txt',
  '004': 'examples/seed-004-weishan-xiping-2024.txt',
} as const;
export const REAL = ['hongze-2023', 'hongze-2024', 'huaian-2024', 'shuyang-fgj-2023'] as const;

export function readExample(relative: string): string {
  return readFileSync(join(ROOT, relative), 'utf8');
}
export const readSeed = (id: keyof typeof SEEDS): string => readExample(SEEDS[id]);
export const readReal = (name: (typeof REAL)[number]): string => readExample(`test/fixtures/real/${name}.txt`);

export interface Located extends Diagnostic {
  line: number;
  text: string;
}

/** Diagnostics with their 1-based line and the text they cover. */
export function diagnose(text: string, options?: EngineOptions): Located[] {
  const index = new LineIndex(text);
  return checkText(text, options).diagnostics.map((d) => ({
    ...d,
    // made when first read (Finding's getters), so not among the properties a spread copies
    message: d.message,
    ...(d.fix && { fix: d.fix }),
    line: index.positionAt(d.span.start).line + 1,
    text: text.slice(d.span.start, d.span.end),
  }));
}

export const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => d.code);
export const ofCode = <T extends Diagnostic>(ds: readonly T[], code: string): T[] => ds.filter((d) => d.code === code);

/**
 * A report as plain data, its tables as the rows they give: tables keep their numbers in private arenas, which
 * node's deepEqual does not see.
 */
export function plainReport(report: Report): unknown {
  const tables = Object.fromEntries(
    Object.entries(report.tables).map(([id, t]) => [id, { span: t.span, tabbed: t.tabbed, collapsed: t.collapsed, subtotalRows: t.subtotalRows, headerTypos: t.headerTypos, glued: t.glued, subtotals: t.subtotals, rows: [...t.rows] }]),
  );
  return { ...report, tables };
}
