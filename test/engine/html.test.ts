// The HTML drawing of a report (the editor's preview, `xxgk check --format html`): every element that a click
// or a link takes to the text names the line its text is on, in LF and CRLF documents alike.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, LineIndex, type Diagnostic } from '../../server/src/engine';
import { reportHtml } from '../../server/src/engine/features/html';
import { consistentValues, renderReport, seededRandom, subtotalRow } from '../support/generate';
import { readSeed, SEEDS } from '../support/helpers';

const UNESCAPE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescapeHtml = (html: string): string => html.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => UNESCAPE[e]);

/** The reports of the text drawn as the HTML report draws them, and the diagnostics in the order they are listed. */
function drawn(text: string): { html: string; listed: Diagnostic[] } {
  const result = checkText(text);
  const lines = new LineIndex(text);
  const listed: Diagnostic[] = [];
  const html = result.parsed.reports
    .map((report) => {
      const own = result.diagnostics.filter((d) => d.span.start >= report.span.start && d.span.start <= report.span.end);
      listed.push(...own);
      return reportHtml(report, own, {
        locale: 'zh',
        slice: (span) => text.slice(span.start, span.end),
        lineOf: (offset) => lines.positionAt(offset).line,
        href: (offset) => `#L${lines.positionAt(offset).line + 1}`,
      });
    })
    .join('');
  return { html, listed };
}

for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
  describe(`HTML of the seeds with ${name} line breaks`, () => {
    for (const id of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) {
      const text = readSeed(id).replace(/\r?\n/g, eol);
      const lines = text.split(/\r\n|\r|\n/);
      const { html, listed } = drawn(text);
      it(`seed ${id}: each paragraph names the line it is on`, () => {
        const paragraphs = [...html.matchAll(/<p data-line="(\d+)">([^<]*)<\/p>/g)];
        assert.ok(paragraphs.length > 3);
        for (const [, line, shown] of paragraphs) assert.equal(lines[Number(line)].trim(), unescapeHtml(shown), `line ${line}`);
      });
      it(`seed ${id}: each heading, label and cell names the line it is on`, () => {
        const elements = [...html.matchAll(/<(h2|th|td) class="[^"]*" data-line="(\d+)"[^>]*>([^<]*)</g)].filter(([, tag, , shown]) => tag !== 'td' || /^\d+$/.test(shown));
        assert.ok(elements.length > 10);
        // a label is drawn in its official words; its line holds its first characters, as written or nearly
        for (const [, tag, line, shown] of elements) {
          const expected = tag === 'td' ? shown : unescapeHtml(shown).replace(/\s/g, '').slice(0, 2);
          assert.ok(lines[Number(line)].replace(/\s/g, '').includes(expected), `${tag} ${shown} on line ${line}: ${lines[Number(line)]}`);
        }
      });
      it(`seed ${id}: each problem links to the 1-based line that holds what it covers`, () => {
        const links = [...html.matchAll(/<li class="\w+" data-line="\d+"><a href="#L(\d+)">(\d+)<\/a>/g)];
        assert.equal(links.length, listed.length);
        links.forEach(([, href, shown], k) => {
          assert.equal(shown, href);
          const covered = text.slice(listed[k].span.start, listed[k].span.end).split(/\r?\n/)[0];
          assert.ok(lines[Number(href) - 1].includes(covered), `${listed[k].code} at line ${href}`);
        });
      });
    }
  });
}

describe('HTML of table 三 with subtotal rows （三）–（六）', () => {
  const values = consistentValues(seededRandom(3));
  const text = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: 'tabs', subtotalRows: true });
  const cellsOfRow = (html: string, label: string): string[] | null => {
    const row = html.match(new RegExp(`<tr class="subtotal"><th[^>]*>${label}（小计）</th>(.*?)</tr>`));
    return row && [...row[1].matchAll(/<td class="cell [^"]*"[^>]*>([^<]*)</g)].map((m) => m[1]);
  };
  it('each subtotal row is drawn above its members with its own values', () => {
    const { html } = drawn(text);
    assert.deepEqual(cellsOfRow(html, '（三）不予公开'), subtotalRow(values, ['R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12']).map(String));
    assert.equal((html.match(/<tr class="subtotal">/g) ?? []).length, 4);
  });
  it('a wrong subtotal cell is marked on the drawn cell', () => {
    const sums = subtotalRow(values, ['R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12']);
    const line = text.split('\n').find((l) => l.startsWith('（三）不予公开'))!;
    const wrong = [line.split('\t')[0], sums[0] + 1, ...sums.slice(1)].join('\t');
    const { html } = drawn(text.replace(line, wrong));
    assert.match(html, new RegExp(`<tr class="subtotal"><th[^>]*>（三）不予公开（小计）</th><td class="cell (value|zero) error"[^>]*>${sums[0] + 1}<`));
  });
  it('near miss: a table without subtotal rows draws none', () => {
    assert.doesNotMatch(drawn(renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: 'tabs' })).html, /class="subtotal"/);
  });
});
