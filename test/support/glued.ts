// Reports as scrapers glue their tables (issue 12, shape 3 and 4): each row's values run together after its label,
// table 四's header words and values on one line. Used by the cell-splitting tests and the per-layout bench.
import { renderReport, type ReportValues } from './generate';

/** Section 四 of a tabs report written as a scraper gives it: the header words and the values on one line. */
export function tableFourOnOneLine(text: string, values: string): string {
  const start = text.indexOf('行政复议\n');
  const end = text.indexOf('\n\n五、');
  const header = '行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计';
  return text.slice(0, start) + header + values + text.slice(end);
}

/**
 * A consistent report with its tables written as a scraper glues them: each row's values run together after
 * its label, some with a stray space between cells, and table 四's header and values on one line.
 */
export function gluedReport(values: ReportValues, random: (max: number) => number): string {
  const glue = (cells: string[]): string => cells.map((c, k) => (k > 0 && random(3) === 0 ? ' ' : '') + c).join('');
  const lines = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: 'tabs' }).split('\n');
  const text = lines.map((l) => l.replace(/^([^\t\d][^\t]*)((?:\t\d+)+)$/, (_, label: string, cells: string) => label + (random(2) ? ' ' : '') + glue(cells.slice(1).split('\t')))).join('\n');
  return tableFourOnOneLine(text, (random(2) ? ' ' : '') + glue(values.table4.map(String)));
}
