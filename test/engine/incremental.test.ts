// Differential test of incremental re-parsing: after every random edit, the kept document must equal a
// from-scratch parse and check of the same text (reports, every span, every diagnostic and its fix).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byPosition, checkText, parseDocument, type Diagnostic } from '../../server/src/engine';
import { IncrementalDocument, KEPT_CHANGES, type ReportEntry } from '../../server/src/engine/incremental';
import { consistentValues, FLOWS, LAYOUTS, renderReport, seededRandom, TITLE_SHAPES, type ReportSpec, type TitleShape } from '../support/generate';
import { plainReport, readExample, readReal, readSeed, REAL, SEEDS } from '../support/helpers';

const SNIPPETS = ['0', '7', '１２', '\t', '\n', '\r\n', ' ', '　', '总计', '二、主动公开政府信息情况', '2024年度政府信息公开工作年度报告',
  '示例县人民政府\n', '（七）', '维持', '四、', '本年新收政府信息公开申请数量', '---', '', '。'];

/** a random integer in [0, n) */
type Random = (n: number) => number;
const below = (seed: number): Random => {
  const random = seededRandom(seed);
  return (n) => (n <= 0 ? 0 : random(n - 1));
};

/** What typing in a text pasted from a web page adds: references and tags whole, and their pieces one keystroke each. */
const MARKUP_SNIPPETS = [...SNIPPETS, '&nbsp;', '&emsp;', '&ldquo;', '<br>', '</span>', '&', ';', '<', '>', 'nbsp', 'br', '&#160;'];

/** A random edit: mostly small insertions and deletions, sometimes a whole line or a span of lines. */
function randomEdit(text: string, random: Random, snippets = SNIPPETS): { start: number; end: number; inserted: string } {
  const at = random(text.length + 1);
  const kind = random(10);
  if (kind < 4) return { start: at, end: at, inserted: snippets[random(snippets.length)] };
  if (kind < 7) return { start: at, end: Math.min(text.length, at + 1 + random(3)), inserted: '' };
  if (kind < 9) return { start: at, end: Math.min(text.length, at + random(4)), inserted: snippets[random(snippets.length)] };
  return { start: at, end: Math.min(text.length, at + random(2000)), inserted: random(2) ? '' : snippets[random(snippets.length)] };
}

const key = (d: Diagnostic): string => JSON.stringify(d);
const sorted = (ds: readonly Diagnostic[]): string[] => [...ds].sort((a, b) => byPosition(a, b) || key(a).localeCompare(key(b))).map(key);

function assertSameAsFresh(doc: IncrementalDocument, step: string): void {
  const fresh = checkText(doc.text);
  assert.deepEqual(doc.snapshot().map(plainReport), parseDocument(doc.text).reports.map(plainReport), `reports after ${step}`);
  assert.deepEqual(sorted(doc.diagnostics()), sorted(fresh.diagnostics), `diagnostics after ${step}`);
  // a re-parse starts at a report's first line: two reports starting there would both be read again
  const starts = doc.snapshot().map((r) => r.span.start);
  assert.ok(starts.every((s, k) => k === 0 || s > starts[k - 1]), `reports start at distinct lines after ${step}: ${starts}`);
}

function runEdits(text: string, seed: number, edits: number, snippets = SNIPPETS): { reparsed: number; reports: number } {
  const random = below(seed);
  const doc = new IncrementalDocument(text);
  let reparsed = 0;
  for (let k = 0; k < edits; k++) {
    const edit = randomEdit(doc.text, random, snippets);
    reparsed += doc.update(edit.start, edit.end, edit.inserted).reparsed;
    assertSameAsFresh(doc, `edit ${k} ${JSON.stringify(edit)} (seed ${seed})`);
  }
  return { reparsed, reports: doc.reports.length };
}

function compilation(seed: number, count: number): string {
  const random = below(seed);
  const parts: string[] = [];
  for (let k = 0; k < count; k++) {
    const agency = ['示例县人民政府', '示例县发展和改革局', '示例市生态环境局'][k % 3];
    const year = 2022 + (k % 3);
    parts.push(renderReport({ agency, year, values: consistentValues(seededRandom(seed * 31 + k)), layout: LAYOUTS[random(LAYOUTS.length)], fullWidth: random(4) === 0 }));
  }
  return parts.join('\n');
}

/**
 * Report k of a generated compilation: one of three agencies, and a year, layout and title drawn from `random`, then
 * what `shape` draws (after them, so each compilation is the one it always was).
 */
function generatedReport(seed: number, k: number, random: (max: number) => number, shape: () => Partial<ReportSpec>): string {
  return renderReport({
    agency: ['示例县人民政府', '示例县发展和改革局', '示例市生态环境局'][k % 3],
    year: 2022 + random(3),
    values: consistentValues(seededRandom(seed * 31 + k)),
    layout: LAYOUTS[random(LAYOUTS.length)],
    title: TITLE_SHAPES[random(TITLE_SHAPES.length)],
    ...shape(),
  });
}

/**
 * A compilation in the shapes that PDF text, OCR markdown and pasted fragments give: titles with the agency on
 * the line before or with none, running page headers after the headings, and fragments cut off right after a heading
 * so that the next report's title follows the heading directly (two reports sharing a boundary); sometimes the
 * document starts with such a heading.
 */
function ragged(seed: number, count: number): string {
  const random = below(seed);
  const parts: string[] = random(2) ? [['一、总体情况', '六、其他需要报告的事项', '三、本年度办理结果'][random(3)]] : [];
  for (let k = 0; k < count; k++) {
    parts.push(generatedReport(seed, k, random, () => ({ pageBreaks: random(2) === 0, cutAfter: random(3) === 0 ? 1 + random(6) : undefined, markdown: random(3) === 0 })));
  }
  return parts.join('\n');
}

/** A folder of crawled pages joined: header blocks (标题 with or without its agency), headings mid-line, bodies on one line. */
function crawled(seed: number, count: number): string {
  const random = below(seed);
  const parts: string[] = [];
  for (let k = 0; k < count; k++) parts.push(generatedReport(seed, k, random, () => ({ flow: FLOWS[random(FLOWS.length)], scraper: random(3) > 0 })));
  return parts.join('\n');
}

/** Crawled pages with no header block, each on one line (title, date and body), some run on into the next on the same line. */
function oneLinePages(seed: number, count: number): string {
  const random = below(seed);
  let text = '';
  for (let k = 0; k < count; k++) {
    const page = generatedReport(seed, k, random, () => ({ flow: 'one-line', title: 'one-line' }))
      .trim()
      .split('\n')
      .filter((l) => l)
      .join(' ');
    text += (k === 0 ? '' : ['\n', ' ', ''][random(3)]) + page;
  }
  return `${text}\n`;
}

/**
 * `text` as a crawled page's text pasted with its HTML left in: some cells apart by `&nbsp;` instead of a tab, lines
 * indented by `&emsp;`, quotes written `&ldquo;` `&rdquo;`, `<br>` after some numbers.
 */
function withMarkup(text: string, seed: number): string {
  const random = below(seed);
  return text
    .replace(/\t/g, (tab) => (random(3) === 0 ? '&nbsp;' : tab))
    .replace(/\n(?=\S)/g, (lf) => (random(8) === 0 ? `${lf}&emsp;&emsp;` : lf))
    .replace(/[“”]/g, (q) => (q === '“' ? '&ldquo;' : '&rdquo;'))
    .replace(/[0-9](?=[\t\n])/g, (d) => (random(10) === 0 ? `${d}<br>` : d));
}

/** A text of each shape, labelled: generated, ragged and crawled compilations (from these seeds), the seeds, the real reports. */
function everyShape(generated: number, raggedSeed: number, crawledSeed: number): [string, string][] {
  return [
    ['compilation', compilation(generated, 9)],
    ['ragged', ragged(raggedSeed, 8)],
    ['crawled', crawled(crawledSeed, 6)],
    ['seeds', (Object.keys(SEEDS) as (keyof typeof SEEDS)[]).map(readSeed).join('\n')],
    ['real', REAL.map(readReal).join('\n')],
  ];
}

describe('incremental parsing equals a fresh parse after every edit', () => {
  for (const id of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) {
    it(`seed ${id}: 150 random edits`, () => {
      runEdits(readSeed(id), 1000 + Number(id), 150);
    });
  }
  for (const name of REAL) {
    it(`${name}: 100 random edits`, () => {
      runEdits(readReal(name), name.length * 7919, 100);
    });
  }
  it('generated compilations of 9 reports (carryover between years): 400 random edits, few reports re-parsed each', () => {
    let reparsed = 0;
    let edits = 0;
    for (const seed of [1, 2, 3, 4]) {
      reparsed += runEdits(compilation(seed, 9), seed, 100).reparsed;
      edits += 100;
    }
    // an edit re-parses its report and one neighbour on each side, not the whole document
    assert.ok(reparsed / edits < 4, `${reparsed / edits} reports re-parsed per edit`);
  });
  it('generated compilations with running headers, agency-less titles and reports sharing boundaries: 600 random edits', () => {
    for (const seed of [11, 12, 13, 14, 15, 16]) runEdits(ragged(seed, 6), seed, 100);
  });
  it('crawled pages on one line with no header block, run on into each other: 300 random edits', () => {
    for (const seed of [31, 32, 33]) runEdits(oneLinePages(seed, 5), seed, 100);
  });
  it('crawled pages (header blocks, headings mid-line, bodies on one line): 400 random edits', () => {
    for (const seed of [21, 22, 23, 24]) runEdits(crawled(seed, 6), seed, 100);
    for (const name of ['pingtan-czj-2023', 'pingtan-gaj-2021', 'pingtan-shenpi-2020']) runEdits(readExample(`test/fixtures/real/${name}.txt`), name.length * 7919, 50);
  });
  it('HTML left in (&nbsp; between cells, &emsp; indents, <br>), in compilations, crawled pages and pages on one line, references typed and broken: 400 random edits', () => {
    for (const seed of [51, 52]) runEdits(withMarkup(compilation(seed, 6), seed), seed, 100, MARKUP_SNIPPETS);
    runEdits(withMarkup(crawled(53, 5), 53), 53, 100, MARKUP_SNIPPETS);
    runEdits(withMarkup(oneLinePages(54, 5), 54), 54, 100, MARKUP_SNIPPETS);
  });
  it('a heading, an agency-less title, then a report: typing in the last report keeps one copy of each report', () => {
    const text = '六、其他需要报告的事项\n2024年政府信息公开工作年度报告\n一、总体情况\n正文\n示例局2025年政府信息公开工作年度报告\n一、总体情况\n正文';
    const doc = new IncrementalDocument(text);
    const fresh = checkText(text).diagnostics.length;
    for (const ch of '本年度') {
      doc.update(doc.text.length, doc.text.length, ch);
      assertSameAsFresh(doc, `typing ${ch}`);
    }
    assert.equal(doc.reports.length, 3);
    assert.equal(doc.diagnostics().length, fresh);
  });
  it('a title of another report on a line of 五: typing 一、总体情况 after it starts a report there, deleting that again joins it back', () => {
    const title = '示例市生态环境局2024年政府信息公开工作年度报告\n';
    const text = compilation(5, 3).replace('五、存在的主要问题及改进情况\n', `五、存在的主要问题及改进情况\n${title}`);
    const doc = new IncrementalDocument(text);
    assert.equal(doc.reports.length, 3);
    const after = text.indexOf(title) + title.length;
    doc.update(after, after, '一、总体情况\n');
    assertSameAsFresh(doc, 'typing 一 after the title');
    assert.equal(doc.reports.length, 4);
    doc.update(after, after + '一、总体情况\n'.length, '');
    assertSameAsFresh(doc, 'deleting it');
    assert.equal(doc.reports.length, 3);
  });
  it('an edit that joins two reports, and one that splits them again', () => {
    const text = compilation(9, 3);
    const doc = new IncrementalDocument(text);
    assert.equal(doc.reports.length, 3);
    const second = doc.reports[1].report.titleSpan!;
    doc.update(second.start, second.end, '示例');
    assertSameAsFresh(doc, 'deleting the second title');
    assert.equal(doc.reports.length, 2);
    doc.update(second.start, second.start + 2, text.slice(second.start, second.end));
    assertSameAsFresh(doc, 'restoring it');
    assert.equal(doc.text, text);
    assert.equal(doc.reports.length, 3);
  });
});

describe('edits typed faster than they are parsed', () => {
  it('a burst of edits parsed once equals a fresh parse (compilations and seeds, 300 bursts of 1–8 edits)', () => {
    for (const [seed, text] of [[11, compilation(11, 6)], [12, readSeed('002')], [13, readReal('hongze-2023')]] as const) {
      const random = below(seed);
      const doc = new IncrementalDocument(text);
      for (let burst = 0; burst < 100; burst++) {
        const edits = 1 + random(8);
        const before = doc.reparses;
        for (let k = 0; k < edits; k++) {
          const edit = randomEdit(doc.text, random);
          doc.edit(edit.start, edit.end, edit.inserted);
        }
        assertSameAsFresh(doc, `burst ${burst} of ${edits} edits (seed ${seed})`);
        assert.equal(doc.reparses, before + 1, 'parsed once for the burst');
      }
    }
  });
});

describe('settings and last year’s reports arriving after the document is open', () => {
  const seed = readSeed('000');
  const year = parseDocument(seed).reports[0].year!;
  const lastYear = parseDocument(seed.replaceAll(String(year), String(year - 1))).reports;
  const unrelated = parseDocument(readSeed('003').replaceAll(String(parseDocument(readSeed('003')).reports[0].year), String(year - 1))).reports;
  const same = (doc: IncrementalDocument, options: Parameters<typeof checkText>[1], others: typeof lastYear, step: string): void =>
    assert.deepEqual(sorted(doc.diagnostics()), sorted(checkText(seed, options, others).diagnostics), step);

  it('checks again only when the options or a report’s last year’s report changed, and then equals a fresh check', () => {
    const options = { severity: { 'blank-cell': 'warning', 'label-typo': 'off' } } as const;
    const doc = new IncrementalDocument(seed, options, []);
    const entries = doc.reports;
    doc.reconfigure({ severity: { 'label-typo': 'off', 'blank-cell': 'warning' } }, []);
    assert.ok(doc.reports.every((e, k) => e === entries[k]), 'the same options in another key order: nothing checked again');
    doc.reconfigure(options, unrelated);
    assert.ok(doc.reports.every((e, k) => e === entries[k]), 'another agency’s reports: nothing checked again');
    same(doc, options, unrelated, 'with the unrelated reports');

    doc.reconfigure(options, lastYear);
    assert.notEqual(doc.reports[0], entries[0], 'last year’s report found: checked again');
    same(doc, options, lastYear, 'with last year’s report');
    assert.ok(doc.diagnostics().some((d) => d.code === 'copied-text'), 'last year’s report, word for word, is compared with');

    const withLastYear = doc.reports;
    doc.reconfigure({ ...options, locale: 'en' }, lastYear);
    assert.notEqual(doc.reports[0], withLastYear[0], 'another locale: checked again');
    same(doc, { ...options, locale: 'en' }, lastYear, 'in English');
  });
});

describe('a large document parsed in parts (its first part at once, the rest in the background)', () => {
  /** The document opened with `first` characters parsed, the rest in windows of `step`, checked against a fresh parse at the end. */
  function inParts(text: string, first: number, step: number, label: string): void {
    const doc = new IncrementalDocument(text, {}, [], first);
    let parts = 0;
    let seen = 0;
    while (!doc.complete) {
      const parsed = doc.parsedReports;
      assert.ok(parsed.length >= seen, `${label}: reports are only added`);
      seen = parsed.length;
      doc.parseMore(step);
      assert.ok(++parts < 10_000, `${label}: parsing goes forward`);
    }
    assertSameAsFresh(doc, `${label} (first ${first}, then ${step} at a time)`);
  }

  it('equals a fresh parse: generated, ragged and crawled compilations, seeds and real text, in windows of every size', () => {
    const texts = everyShape(5, 17, 25);
    const random = below(99);
    for (const [label, text] of texts) {
      for (const first of [1, 200, 3000, 20_000]) inParts(text, first, 1 + random(8000), label);
    }
  });

  it('an edit or a request before the rest is parsed parses it first, then is what it is on the whole text', () => {
    const text = compilation(6, 9);
    const doc = new IncrementalDocument(text, {}, [], 2000);
    assert.ok(!doc.complete && doc.parsedReports.length < 9, 'only the first reports at first');
    const at = text.lastIndexOf('总计');
    doc.update(at, at + 2, '合计');
    assert.ok(doc.complete);
    assertSameAsFresh(doc, 'an edit in the last report while the rest was not parsed');
    const other = new IncrementalDocument(text, {}, [], 2000);
    const endAt = (d: IncrementalDocument): number | undefined => {
      const entry = d.entryAt(text.length - 10);
      return entry ? entry.report.span.end + entry.delta : undefined;
    };
    assert.equal(endAt(other), endAt(new IncrementalDocument(text)), 'a request at the end');
    assert.ok(other.complete);
  });

  it('settings that change nothing leave the rest to the background; settings that change something check it all', () => {
    const text = compilation(6, 9);
    const doc = new IncrementalDocument(text, {}, [], 2000);
    const parsed = doc.parsedReports.length;
    assert.equal(doc.reconfigure({}, []), false);
    assert.ok(!doc.complete && doc.parsedReports.length === parsed, 'the same settings: the rest still waits');
    assert.equal(doc.reconfigure({ locale: 'en' }, []), true);
    assert.ok(doc.complete, 'other settings: every report checked with them');
    assert.deepEqual(sorted(doc.diagnostics()), sorted(checkText(text, { locale: 'en' }).diagnostics));
    const later = new IncrementalDocument(text, {}, [], 2000);
    later.reconfigure({ severity: {} }, []);
    while (!later.complete) later.parseMore(3000);
    assertSameAsFresh(later, 'the rest parsed after settings that changed nothing');
  });
});

describe('the changes the document tells a view kept beside its reports', () => {
  /** A view of the reports (which are there, and the carryover each had when last seen), kept by the changes told. */
  class View {
    carryover = new Map<ReportEntry, readonly Diagnostic[]>();
    revision: number;
    constructor(private readonly doc: IncrementalDocument) {
      this.revision = doc.revision;
      this.rebuild();
    }
    private rebuild(): void {
      this.carryover = new Map(this.doc.parsedReports.map((e) => [e, e.carryover]));
    }
    /** Caught up; false when the document said every report may have changed. */
    catchUp(step: string): boolean {
      const changes = this.doc.changesSince(this.revision);
      this.revision = this.doc.revision;
      if (changes === null) {
        this.rebuild();
        return false;
      }
      for (const change of changes) {
        for (const e of change.removed) assert.ok(this.carryover.delete(e), `${step}: a report removed was there`);
        for (const e of change.added) this.carryover.set(e, e.carryover);
        for (const e of change.rechecked) this.carryover.set(e, e.carryover);
      }
      const now = this.doc.parsedReports;
      assert.equal(this.carryover.size, now.length, `${step}: as many reports as the document has`);
      for (const e of now) assert.equal(this.carryover.get(e), e.carryover, `${step}: every report there, a replaced carryover told`);
      return true;
    }
  }

  it('after edits read one at a time, in bursts, past what is kept, and new settings: the reports as they are', () => {
    for (const seed of [31, 32, 33]) {
      const random = below(seed);
      const doc = new IncrementalDocument(compilation(seed, 9), {}, [], 3000);
      const view = new View(doc);
      let told = 0;
      for (let burst = 0; burst < 60; burst++) {
        // mostly one edit or a few; sometimes more than the changes kept, so that the view reads every report again
        const edits = burst % 20 === 19 ? KEPT_CHANGES + 6 : 1 + random(4);
        for (let k = 0; k < edits; k++) {
          const edit = randomEdit(doc.text, random);
          doc.update(edit.start, edit.end, edit.inserted);
        }
        if (burst === 30) doc.reconfigure({ locale: 'en' }, []);
        const step = `seed ${seed}, burst ${burst}`;
        const asChanges = view.catchUp(step);
        if (asChanges) told++;
        // (a line break of another kind than the document's parses it whole, and is told so too)
        if (edits > KEPT_CHANGES || burst === 30) assert.equal(asChanges, false, `${step}: every report may have changed`);
      }
      assert.ok(told > 0, 'bursts told as changes');
    }
  });

  it('a document parsed in parts tells each part as added', () => {
    const doc = new IncrementalDocument(compilation(34, 9), {}, [], 1000);
    const view = new View(doc);
    while (!doc.complete) {
      doc.parseMore(2000);
      assert.ok(view.catchUp('a part parsed'));
    }
  });

  it('a carryover found after an edit to last year’s report is told on this year’s', () => {
    const seed = readSeed('000');
    const year = parseDocument(seed).reports[0].year!;
    const text = `${seed.replaceAll(String(year), String(year - 1))}\n${seed}`;
    const doc = new IncrementalDocument(text);
    const view = new View(doc);
    const [lastYear, thisYear] = doc.reports;
    // last year's 总计 of 本年新收 changed: this year's carryover of it no longer matches
    const cell = text.indexOf('\t', text.indexOf('本年新收'));
    doc.update(cell + 1, cell + 1, '9');
    const changes = doc.changesSince(view.revision)!;
    assert.ok(changes.some((c) => c.rechecked.includes(thisYear)), 'this year’s report is rechecked');
    assert.ok(changes.some((c) => c.removed.includes(lastYear)), 'last year’s is parsed again');
    assert.ok(view.catchUp('the edit to last year’s report'));
  });
});

describe('digits typed over digits (a number edited in a table or the prose)', () => {
  /** A digit of the text replaced, inserted beside another or deleted from a number of several. */
  function digitEdit(text: string, random: Random): { start: number; end: number; inserted: string } {
    const runs = [...text.matchAll(/[0-9０-９]+/g)];
    const run = runs[random(runs.length)];
    const at = run.index + random(run[0].length);
    const digit = String(random(10));
    const kind = random(4);
    if (kind === 0) return { start: at, end: at, inserted: digit };
    if (kind === 1 && run[0].length > 1) return { start: at, end: at + 1, inserted: '' };
    return { start: at, end: at + 1, inserted: digit };
  }

  it('parses the edited report alone where the reports’ bounds cannot move, and equals a fresh parse', () => {
    const seeds = (Object.keys(SEEDS) as (keyof typeof SEEDS)[]).map(readSeed).join('\n');
    // and line breaks of the other kinds: CRLF, and a lone CR
    const texts = [...everyShape(41, 42, 43), ['seeds, CRLF', seeds.replace(/\n/g, '\r\n')], ['seeds, CR', seeds.replace(/\n/g, '\r')]] as [string, string][];
    for (const [label, text] of texts) {
      const random = below(label.length * 131);
      const doc = new IncrementalDocument(text);
      let alone = 0;
      const edits = label.includes(',') ? 60 : 150;
      for (let k = 0; k < edits; k++) {
        const edit = digitEdit(doc.text, random);
        if (doc.update(edit.start, edit.end, edit.inserted).reparsed === 1) alone++;
        assertSameAsFresh(doc, `${label}: digit edit ${k} ${JSON.stringify(edit)}`);
      }
      assert.ok(alone > 0, `${label}: some digit edits parse one report alone (${alone} of ${edits})`);
    }
  });

  it('a digit typed between a heading’s numeral and its mark: a report whose title repeats the last one’s ends with it', () => {
    const report = renderReport({ agency: '示例县人民政府', year: 2024, values: consistentValues(seededRandom(5)), layout: 'tabs' });
    // the same title again starts a report only where the sections start again (一); without 一, it is a page header
    const text = `${report}\n${report}`;
    const doc = new IncrementalDocument(text);
    assert.equal(doc.snapshot().length, 2);
    const at = text.lastIndexOf('一、总体情况') + 1;
    doc.update(at, at, '7');
    assertSameAsFresh(doc, 'the digit typed');
    assert.equal(doc.snapshot().length, 1);
  });

  it('a digit deleted from the line before a title with no agency, which then names it: the next report starts there', () => {
    const report = (agency: string, title: TitleShape): string => renderReport({ agency, year: 2024, values: consistentValues(seededRandom(agency.length)), layout: 'tabs', title });
    // a signature with a digit is no agency line; without it, it is the agency of the title after it
    const text = `${report('示例县人民政府', 'one-line')}\n示例县第3局\n${report('示例县第局', 'no-agency')}`;
    const doc = new IncrementalDocument(text);
    assert.equal(doc.snapshot()[1].agency, '');
    const at = text.indexOf('第3局') + 1;
    doc.update(at, at + 1, '');
    assertSameAsFresh(doc, 'the digit deleted');
    assert.equal(doc.snapshot()[1].agency, '示例县第局');
  });
});
