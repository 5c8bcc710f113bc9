// The CLI's three output formats. JSON follows SPEC §5 exactly; SARIF 2.1.0 is for code-scanning tools.
import type { Diagnostic, LspRange } from '../engine';

export interface FileReport {
  path: string;
  reports: { title: string; year: number | null; template: string; range: LspRange }[];
  diagnostics: { code: string; severity: string; message: string; range: LspRange }[];
  /** set for a file that is not a report, or whose bytes were not all UTF-8 (the rest is checked) */
  notice?: string;
  /** set for a file that could not be read */
  error?: string;
}

export function toJson(files: readonly FileReport[]): string {
  return JSON.stringify({ version: 1, files }, null, 2);
}

export function toText(files: readonly FileReport[], locale: 'zh' | 'en'): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of files) {
    if (f.error) {
      out.push(`${f.path}: ${f.error}`);
      continue;
    }
    if (f.notice) out.push(`${f.path}: ${f.notice}`);
    for (const r of f.reports) {
      const where = `${r.range.start.line + 1}`;
      out.push(
        locale === 'en'
          ? `${f.path}:${where}: report “${r.title}” (year ${r.year ?? '?'}, ${r.template} template)`
          : `${f.path}:${where}: 报告“${r.title}”（${r.year ?? '?'} 年度，适用 ${r.template} 年版格式）`,
      );
    }
    for (const d of f.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
      out.push(`${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
    }
  }
  out.push(
    locale === 'en'
      ? `${files.length} file(s): ${errors} error(s), ${warnings} warning(s), ${infos} info`
      : `共 ${files.length} 个文件：${errors} 个错误，${warnings} 个警告，${infos} 个提示`,
  );
  return out.join('\n');
}

const SARIF_LEVEL: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'note' };

export function toSarif(files: readonly FileReport[], codes: readonly string[]): string {
  const results = files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.code,
      level: SARIF_LEVEL[d.severity as Diagnostic['severity']],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: f.path.split('\\').join('/') },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'xxgk', rules: codes.map((id) => ({ id })) } }, results }],
    },
    null,
    2,
  );
}
