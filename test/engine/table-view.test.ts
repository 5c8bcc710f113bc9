// The preview as a table view: its header in words, its cells keyed for editing, and which span of the text a
// typed cell replaces (exactly the cell's; a blank's insertion point), or why it is refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, parseDocument } from '../../server/src/engine';
import { reportHtml, type HtmlContext } from '../../server/src/engine/features/html';
import type { Locale } from '../../server/src/engine/messages/catalog';
import { readExample } from '../support/helpers';

const BROKEN = readExample('examples/arithmetic-errors-2024.txt');

function html(text: string, locale: Locale, extra: Partial<HtmlContext> = {}): string {
  const report = parseDocument(text).reports[0];
  return reportHtml(report, checkText(text).diagnostics, { locale, slice: (s) => text.slice(s.start, s.end), lineOf: (o) => text.slice(0, o).split('\n').length - 1, ...extra });
}

describe('the preview header', () => {
  it('says the year and the template in words, as the CLI does, in Chinese or English', () => {
    assert.match(html(BROKEN, 'zh'), /<p class="meta">2024 年度 · 适用 2021 年版格式<\/p>/);
    assert.match(html(BROKEN, 'en'), /<p class="meta">Year 2024 · 2021 template<\/p>/);
  });
});

