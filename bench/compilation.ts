// A generated compilation of reports in every layout, for the benchmarks; one report in ten has a wrong
// total, so diagnostics are published as they would be for a real folder of reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consistentValues, LAYOUTS, renderReport, seededRandom } from '../test/support/generate';

export function compilation(targetBytes: number, withErrors = false): { text: string; reports: number } {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const values = consistentValues(seededRandom(i + 1));
    if (withErrors && i % 10 === 0) values.table3.R1[6] += 1;
    const text = renderReport({ agency: `示例县第${i}局`, year: 2024, values, layout: LAYOUTS[i % LAYOUTS.length] });
    parts.push(text);
    bytes += Buffer.byteLength(text);
  }
  return { text: parts.join('\n'), reports: parts.length };
}

const SEED_FILES = [
  'seed-000-zhanhe-caozhen-2024.txt',
  'seed-001-suibin-zhongren-2023.txt',
  'seed-002-gujiao-2021.txt',
  'seed-003-yanjin-tapu-2024.txt',
  'seed-004-weishan-xiping-2024.txt',
];

/**
 * The workload a reviewer meets: the five published seeds, with their real blank cells, typos and layouts, repeated
 * to about `targetChars` characters (a folder's worth of reports with problems, not a friendly generated one).
 */
export function seedsCompilation(targetChars: number): { text: string; reports: number } {
  const seeds = SEED_FILES.map((name) => readFileSync(join(process.cwd(), 'examples', name), 'utf8'));
  const parts: string[] = [];
  let chars = 0;
  for (let i = 0; chars < targetChars; i++) {
    parts.push(seeds[i % seeds.length]);
    chars += seeds[i % seeds.length].length + 1;
  }
  return { text: parts.join('\n'), reports: parts.length };
}
