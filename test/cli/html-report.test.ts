// `xxgk check --format html` as it will be mailed (issue 15): paths relative to the folder checked, no link that
// cannot work once sent, problems named in Chinese beside their line, the summary table (totals, infos, "2021
// 年版") above the reports, PDF-broken prose joined into paragraphs in the drawing only. Read as text, and opened
// in Chromium.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Reflow } from '../../server/src/engine/features/paragraphs';
import { readExample } from '../support/helpers';
import { inChromium, NO_CHROMIUM } from './browser';
import { xxgk } from './process';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'xxgk-html-'));
const HUAIAN = 'test/fixtures/real/huaian-2024.txt';
const UNESCAPE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const paragraphsOf = (html: string): string[] => [...html.matchAll(/<p data-line="\d+">([^<]*)<\/p>/g)].map(([, text]) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => UNESCAPE[e]));

/** A folder of two reports to mail: one with errors, one clean, and 淮安 2024 (PDF text). */
function folder(): string {
  const dir = tmp();
  writeFileSync(join(dir, 'broken.txt'), readExample('examples/arithmetic-errors-2024.txt'));
  writeFileSync(join(dir, 'clean.txt'), readExample('examples/clean-2024.txt'));
  copyFileSync(HUAIAN, join(dir, 'huaian.txt'));
  return dir;
}

describe('xxgk check --format html, to be mailed', () => {
  const dir = folder();
  const r = xxgk(['check', '--format', 'html', dir]);
  const page = r.stdout;

  it('shows paths relative to the folder checked, and links only within the page', () => {
    assert.equal(r.code, 1, r.stderr);
    assert.ok(!page.includes(dir), 'the folder’s place on this machine is not on the page');
    assert.match(page, /<a href="#r0">broken\.txt<\/a>/);
    const links = [...page.matchAll(/(?:href|src)="([^"]*)"/g)].map(([, url]) => url);
    assert.deepEqual(links, ['#r0', '#r1', '#r2']);
  });

  it('puts the line beside each problem as text, and names its code in Chinese with the code as a tooltip', () => {
    assert.match(page, /<li class="error" data-line="31"><span class="where">第 32 行<\/span> <span class="code" title="row-total-mismatch">行合计不符<\/span> 表三“一、本年新收政府信息公开申请数量”行的“总计”应为 144/);
    assert.doesNotMatch(page, /<code>row-total-mismatch<\/code>/);
  });

  it('starts with the summary table: a row per report, an info column, "2021 年版", the totals in its foot', () => {
    const summary = page.indexOf('<table class="sortable summary">');
    assert.ok(summary > 0 && summary < page.indexOf('<details class="report"'), 'the summary comes before the reports');
    const header = page.slice(summary, page.indexOf('</thead>', summary));
    for (const column of ['机关', '适用格式', '本年新收（R1）', '错误', '警告', '提示', '问题代码']) assert.ok(header.includes(`<th>${column}</th>`), column);
    assert.match(page, /<td class="t">2021 年版<\/td>/);
    assert.match(page, /<tfoot><tr><td class="t">合计<\/td>/);
    assert.match(page, /<tfoot>.*?<td class="file">3 份年报<\/td><td class="n" data-sort="3408">3408<\/td>/s, 'R1 totalled: 145 + 144 + 3119');
  });

  it('opens each report with errors or warnings, folds a clean one, and says "2021 年版" under its title', () => {
    assert.match(page, /<details class="report" id="r0" open><summary><span class="file">broken\.txt<\/span> · 示例县市场监督管理局2024年政府信息公开工作年度报告 · <span class="bad">7 个错误，0 个警告，0 个提示<\/span><\/summary>/);
    assert.match(page, /<details class="report" id="r1"><summary><span class="file">clean\.txt<\/span> · 示例县发展和改革局2024年政府信息公开工作年度报告 · <span>没有发现问题<\/span><\/summary>/);
    assert.match(page, /<p class="meta">2024 年度 · 适用 2021 年版格式<\/p>/);
  });

  it('joins the lines a PDF broke into paragraphs and drops the page footers, in the drawing only', () => {
    const huaian = page.slice(page.indexOf('id="r2"'));
    const paragraphs = paragraphsOf(huaian);
    const five = paragraphs.find((p) => p.startsWith('（五）政府信息公开监督保障情况。'))!;
    assert.ok(five.includes('根据省政务公开年度和季度监测指标，全年组织 4 次政府信息公开栏目全覆盖检查，并出具各县区、各部门政务公开评估分报告。'), five);
    assert.ok(five.endsWith('不断提高全市政务公开工作人员的工作能力和水平。'), five);
    const four = paragraphs.find((p) => p.startsWith('（四）政府信息公开平台建设情况。'))!;
    assert.ok(four.includes('将栏目不更新、政策解读不通俗易懂'), 'joined across the page footer “- 2 -”');
    assert.ok(paragraphs.every((p) => !/^- \d+ -$/.test(p)), 'no footer drawn');
    assert.ok(paragraphs.length < 40, `${paragraphs.length} paragraphs`);
    assert.match(readFileSync(join(dir, 'huaian.txt'), 'utf8'), /\n- 2 -\n/, 'the file itself is untouched');
    const first = huaian.match(/<p data-line="(\d+)">（五）政府信息公开监督保障情况。/)!;
    assert.match(readFileSync(HUAIAN, 'utf8').split('\n')[Number(first[1])], /^（五）政府信息公开监督保障情况。/, 'a paragraph names the line it starts on');
  });

  it('leaves prose written a paragraph per line as it is', () => {
    const clean = page.slice(page.indexOf('id="r1"'), page.indexOf('id="r2"'));
    const text = readExample('examples/clean-2024.txt');
    for (const p of paragraphsOf(clean)) assert.ok(text.split('\n').some((line) => line.trim() === p), p);
  });
});

describe('xxgk check --format html in Chromium', { skip: NO_CHROMIUM }, () => {
  it('sorts the summary (the totals stay at the foot), a link opens a folded report, the wrong cell is marked', async () => {
    const dir = folder();
    const file = join(tmp(), 'report.html');
    writeFileSync(file, xxgk(['check', '--format', 'html', dir]).stdout);
    await inChromium(file, async (tab) => {
      const rows = tab.locator('table.summary tbody tr');
      assert.equal(await rows.count(), 3);
      const errors = tab.locator('table.summary thead th', { hasText: '错误' });
      await errors.click();
      await errors.click();
      assert.equal(await rows.first().locator('td.file').textContent(), 'broken.txt', 'most errors first');
      assert.equal(await tab.locator('table.summary tfoot td').first().textContent(), '合计');
      const clean = tab.locator('details#r1');
      assert.equal(await clean.getAttribute('open'), null);
      await tab.locator('table.summary a', { hasText: 'clean.txt' }).click();
      await tab.waitForFunction(() => (document.getElementById('r1') as HTMLDetailsElement).open);
      const wrong = tab.locator('details#r0 td.cell.error', { hasText: '145' });
      assert.match((await wrong.getAttribute('title')) ?? '', /^row-total-mismatch: /);
      assert.ok(await wrong.isVisible());
    });
  });
});

describe('Reflow', () => {
  /** Prose broken every `width` characters, as a PDF page breaks it. */
  const broken = (text: string, width: number): string[] => text.match(new RegExp(`.{1,${width}}`, 'gu'))!;
  const ONE =
    '本机关认真贯彻落实政府信息公开条例，坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，持续提升政务公开质量和实效。' +
    '围绕群众关切的重点领域，细化公开内容，规范公开流程，拓宽公开渠道，不断增强政府工作透明度和公信力。';
  const TWO =
    '全年主动公开政府信息一千余条，其中政策文件二十件，政策解读十五篇，回应社会关切三十次，切实保障了人民群众的知情权、参与权和监督权。' +
    '同时加强政务新媒体管理，及时更新栏目内容，确保信息发布准确及时。';

  it('joins lines that run to the margin without ending a sentence; a footer between them is dropped', () => {
    const lines = [...broken(ONE, 24), '- 3 -', ...broken(TWO, 24)];
    const text = lines.join('\n');
    const paragraphs = new Reflow(text).paragraphs(text, 100);
    assert.deepEqual(paragraphs.map((p) => p.text), [ONE, TWO]);
    assert.equal(paragraphs[0].start, 100);
    assert.equal(paragraphs[1].start, 100 + text.indexOf(TWO.slice(0, 24)));
  });

  it('keeps a heading, a numbered item and 一是… on lines of their own, and joins across double spacing', () => {
    const lines = ['（一）主动公开情况', ...broken(ONE, 24), '1.政策文件', ...broken(TWO.slice(0, 40), 24), '一是加强组织领导。'];
    const text = lines.join('\n\n');
    const texts = new Reflow(text).paragraphs(text, 0).map((p) => p.text);
    assert.deepEqual(texts, ['（一）主动公开情况', ONE, '1.政策文件', TWO.slice(0, 40), '一是加强组织领导。']);
  });

  it('joins nothing in text whose lines have no common margin (a paragraph per line), nor short lines', () => {
    const lines = ['联系人：张三', '电话：0371-1234567', ONE, TWO.slice(0, 30), `${TWO}${ONE}`, '地址：某某路1号'];
    const text = lines.join('\n');
    assert.deepEqual(new Reflow(text).paragraphs(text, 0).map((p) => p.text), lines);
  });

  it('puts a space where a break stood between two Latin words', () => {
    const lines = broken(ONE, 24);
    lines[0] = `${lines[0].slice(0, -2)}ab`;
    lines[1] = `cd${lines[1].slice(2)}`;
    const text = [...lines, '', ...broken(TWO, 24)].join('\n');
    const [paragraph] = new Reflow(text).paragraphs(text, 0);
    assert.equal(paragraph.text, lines.join('').replace('abcd', 'ab cd'));
  });
});
