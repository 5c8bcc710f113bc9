// A generated compilation of reports in every layout, for the benchmarks; one report in ten has a wrong
// total, so diagnostics are published as they would be for a real folder of reports.
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
