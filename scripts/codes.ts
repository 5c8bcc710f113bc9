// What the checks declare about their codes, written where the editor and the reader see them (run by
// `npm run build`): the severity settings of package.json, the config schema, and README's table of codes. A test
// fails when a committed file differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { CHECKS, type CheckDefinition } from '../server/src/engine';

const LEVELS = ['off', 'info', 'warning', 'error'];

/** Each code's severity setting, in the order the checks declare them. */
export function severityProperties(): Record<string, { type: 'string'; enum: string[] }> {
  const properties: Record<string, { type: 'string'; enum: string[] }> = {};
  for (const check of CHECKS as readonly CheckDefinition[]) for (const code of Object.keys(check.codes)) properties[code] = { type: 'string', enum: LEVELS };
  return properties;
}

const START = '<!-- codes: written by scripts/codes.ts from the checks -->';
const END = '<!-- /codes -->';

/** README's table: a row per check, its codes, what it looks at, its default severities. */
export function codeTable(): string {
  const rows = (CHECKS as readonly CheckDefinition[]).map((check) => {
    const codes = Object.keys(check.codes).map((c) => `\`${c}\``).join(', ');
    const severities = [...new Set(Object.values(check.codes).flatMap((spec) => (spec.graver ? [spec.severity, spec.graver] : [spec.severity])))].join(' / ');
    return `| ${codes} | ${check.about.zh} | ${severities} |`;
  });
  return [START, '| 代码 code | 内容 | 默认级别 |', '|---|---|---|', ...rows, END].join('\n');
}

/** The three files as they must be. */
export function generated(files: { packageJson: string; schema: string; readme: string }): { packageJson: string; schema: string; readme: string } {
  const pkg = JSON.parse(files.packageJson);
  pkg.contributes.configuration.properties['xxgk.severity'].properties = severityProperties();
  const schema = JSON.parse(files.schema);
  schema.properties.severity.properties = severityProperties();
  const at = files.readme.indexOf(START);
  const end = files.readme.indexOf(END);
  if (at < 0 || end < at) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return {
    packageJson: `${JSON.stringify(pkg, null, 2)}\n`,
    schema: `${JSON.stringify(schema, null, 2)}\n`,
    readme: files.readme.slice(0, at) + codeTable() + files.readme.slice(end + END.length),
  };
}

if (require.main === module) {
  const paths = { packageJson: 'package.json', schema: 'schemas/xxgk.config.schema.json', readme: 'README.md' };
  const now = { packageJson: readFileSync(paths.packageJson, 'utf8'), schema: readFileSync(paths.schema, 'utf8'), readme: readFileSync(paths.readme, 'utf8') };
  const wanted = generated(now);
  for (const key of Object.keys(paths) as (keyof typeof paths)[]) if (wanted[key] !== now[key]) writeFileSync(paths[key], wanted[key]);
}
