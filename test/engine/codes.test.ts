// Every diagnostic code: a small text that triggers it, and a near miss that must not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, fixAll, indexByAgencyYear, parseDocument } from '../../server/src/engine';
import { codes, diagnose, ofCode } from '../support/helpers';
import { consistentValues, renderReport, rewriteProse, seededRandom, type ReportValues } from '../support/generate';

const values = (): ReportValues => consistentValues(seededRandom(11));
const base = (v = values(), agency = '示例县发展和改革局', year = 2024, published?: string): string =>
  renderReport({ agency, year, values: v, layout: 'tabs', published });
const lineOf = (text: string, startsWith: string): string => text.split('\n').find((l) => l.startsWith(startsWith))!;
const replaceLine = (text: string, startsWith: string, replacement: string): string => text.replace(lineOf(text, startsWith), replacement);

function expectOnly(text: string, code: string): ReturnType<typeof diagnose> {
  const ds = diagnose(text);
  assert.ok(ds.length > 0 && ds.every((d) => d.code === code), `expected only ${code}, got ${codes(ds).join(', ')}`);
  return ds;
}
const expectClean = (text: string): void => assert.deepEqual(codes(diagnose(text)), []);

describe('the generated base report', () => {
  it('is clean', () => expectClean(base()));
});

describe('missing-section', () => {
  it('triggers when a heading is gone', () => {
    const ds = expectOnly(base().replace('五、存在的主要问题及改进情况\n', ''), 'missing-section');
    assert.match(ds[0].message, /第五部分/);
  });
  it('near miss: a variant heading title is accepted', () =>
    expectClean(base().replace('五、存在的主要问题及改进情况', '五、存在的主要问题及整改情况')));
});

describe('section-order', () => {
  it('triggers when 六 comes before 五', () => {
    const t = base();
    const five = t.indexOf('五、存在');
    const six = t.indexOf('六、其他');
    const swapped = t.slice(0, five) + t.slice(six) + '\n' + t.slice(five, six);
    const ds = expectOnly(swapped, 'section-order');
    assert.equal(ds[0].text, '五、存在的主要问题及改进情况');
  });
  it('near miss: 一是… prose is not a heading', () => expectClean(base().replace('下一步将加强培训', '一是加强培训')));
});

describe('duplicate-section', () => {
  it('triggers on a second 六 heading', () => {
    const ds = expectOnly(`${base()}六、其他需要报告的事项\n无。\n`, 'duplicate-section');
    assert.equal(ds[0].line, ds[0].line);
    assert.match(ds[0].message, /重复/);
  });
  it('near miss: 六是… in prose', () => expectClean(base().replace('本年度未收取信息处理费。', '本年度未收取信息处理费。\n六是加强监督。')));
});

describe('missing-table', () => {
  it('triggers when section 四 holds only prose', () => {
    const t = base();
    const start = t.indexOf('行政复议\n');
    const end = t.indexOf('五、存在');
    const ds = expectOnly(t.slice(0, start) + '本年度未发生行政复议、行政诉讼。\n\n' + t.slice(end), 'missing-table');
    assert.equal(ds[0].text, '四、政府信息公开行政复议、行政诉讼情况');
  });
  it('near miss: the table written one cell per line', () =>
    expectClean(renderReport({ agency: '示例县发展和改革局', year: 2024, values: values(), layout: 'lines' })));
});

describe('missing-row', () => {
  it('triggers when a row is gone', () => {
    const ds = expectOnly(replaceLine(base(), '2.重复申请', ''), 'missing-row');
    assert.match(ds[0].message, /2\.重复申请/);
  });
  it('near miss: the label broken by spaces', () => expectClean(base().replace('2.重复申请\t', '2. 重 复申请\t')));
});

describe('blank-cell', () => {
  it('triggers on an empty tab field, at that cell', () => {
    const t = base();
    const row = lineOf(t, '行政处罚');
    const ds = expectOnly(t.replace(row, '行政处罚\t'), 'blank-cell');
    assert.match(ds[0].message, /行政处罚/);
  });
  it('triggers on a / written in a cell', () => {
    const t = base();
    const ds = expectOnly(t.replace(lineOf(t, '行政强制'), '行政强制\t/'), 'blank-cell');
    assert.match(ds[0].message, /“\/”/);
  });
  it('near miss: a full-width digit is a value', () => {
    const t = base();
    expectClean(t.replace(lineOf(t, '行政强制'), lineOf(t, '行政强制').replace(/\t(\d+)$/, (_, d: string) => `\t${String.fromCharCode(...[...d].map((c) => c.charCodeAt(0) + 0xfee0))}`)));
  });
});

describe('invalid-number', () => {
  it('triggers on a decimal in a count column', () => {
    const t = base();
    const ds = expectOnly(t.replace(lineOf(t, '行政许可'), '行政许可\t2.5'), 'invalid-number');
    assert.equal(ds[0].text, '2.5');
  });
  it('near miss: a decimal fee in 万元', () => {
    const t = base();
    expectClean(t.replace(lineOf(t, '行政事业性收费'), '行政事业性收费\t12.5'));
  });
});

describe('arithmetic', () => {
  it('row-total-mismatch on the 总计 of the row', () => {
    const v = values();
    v.table3.R3[6] += 1;
    v.table3.R3[0] += 0;
    const t = base(v);
    const ds = diagnose(t);
    const row = ofCode(ds, 'row-total-mismatch');
    assert.equal(row.length, 1);
    assert.equal(row[0].text, String(v.table3.R3[6]));
    assert.match(row[0].message, new RegExp(`应为 ${v.table3.R3[6] - 1}`));
  });
  it('column-total-mismatch on （七）总计 when a part changes with its row total', () => {
    const v = values();
    v.table3.R4[0] += 1;
    v.table3.R4[6] += 1;
    const ds = expectOnly(base(v), 'column-total-mismatch');
    assert.equal(ds.length, 2, 'the 自然人 column and the 总计 column');
    assert.ok(ds.every((d) => d.line === ds[0].line));
  });
  it('balance-mismatch on 结转下年度 when it changes with its row total', () => {
    const v = values();
    v.table3.R25[1] += 1;
    v.table3.R25[6] += 1;
    const ds = expectOnly(base(v), 'balance-mismatch');
    assert.equal(ds.length, 2);
    assert.match(ds[0].message, /“四、结转下年度继续办理”应为 \d+$/);
  });
  it('balance-mismatch that 结转下年度 cannot absorb says so, with no fix, instead of asking for a negative', () => {
    const v = values();
    v.table3.R24[0] += 50 + v.table3.R25[0];
    v.table3.R24[6] += 50 + v.table3.R25[0];
    const ds = ofCode(diagnose(base(v)), 'balance-mismatch');
    assert.equal(ds.length, 2);
    assert.match(ds[0].message, /即使“四、结转下年度继续办理”为 0，第三项也比第一项加第二项多 \d+，请核对第三项各数/);
    assert.equal(ds[0].fix, undefined);
  });
  it('table 四 group totals', () => {
    const v = values();
    v.table4[9] += 3;
    const ds = expectOnly(base(v), 'row-total-mismatch');
    assert.match(ds[0].message, /未经复议直接起诉·总计/);
  });
  it('near miss: consistent numbers in every column', () => expectClean(base()));
});

describe('label-typo', () => {
  /** `written` for the row label `official` (by default where it starts a tab row) is label-typo alone, and fix-all gives the report back byte for byte. */
  const typoFixedBack = (official: string, written: string, misspell = (t: string): string => t.replace(`\n${official}\t`, `\n${written}\t`)): void => {
    const t = base();
    const text = misspell(t);
    assert.notEqual(text, t, written);
    expectOnly(text, 'label-typo');
    assert.equal(fixAll(text).text, t, written);
  };
  it('triggers on 本年度止件数', () => {
    const ds = expectOnly(base().replace('本年废止件数', '本年度止件数'), 'label-typo');
    assert.equal(ds[0].fix!.edits[0].newText, '本年废止件数');
  });
  it('a block header as near to one official header as to another is no typo of either: nothing is guessed, and fix-all writes nothing', () => {
    for (const oneLine of [false, true]) {
      const t = base().replace('第二十条第（五）项', '第二十条第（甲）项');
      const text = oneLine ? t.replace(/\n/g, ' ') : t;
      assert.notEqual(text, base());
      assert.equal(diagnose(text).filter((d) => d.code === 'label-typo').length, 0, `one line: ${oneLine}`);
      assert.equal(fixAll(text).text, text);
    }
    // near miss: one character from a single header is its typo, and the fix writes that header
    typoFixedBack('第二十条第（五）项', '第二十条第（五）顷', (t) => t.replace('第二十条第（五）项', '第二十条第（五）顷'));
  });
  it('triggers on a row label with a character missing', () => {
    const ds = expectOnly(base().replace('4.保护第三方合法权益', '4.保护第三方合权益'), 'label-typo');
    assert.equal(ds[0].text, '保护第三方合权益');
  });
  it('a label’s last character mistyped: the typo covers it, and the fix writes the label in its place', () => {
    for (const [official, written] of [['4.保护第三方合法权益', '4.保护第三方合法权利'], ['1.属于国家秘密', '1.属于国家秘蜜'], ['7.属于行政执法案卷', '7.属于行政执法案件']]) {
      const t = base();
      const text = t.replace(official, written);
      const ds = expectOnly(text, 'label-typo');
      assert.equal(ds[0].text, written.slice(2));
      assert.equal(fixAll(text).text, t, written);
    }
  });
  it('a typo just inside a closing quote or bracket: the fix keeps one of it (it wrote …一稳定”” and …其他情形）））', () => {
    for (const [official, written] of [['3.危及“三安全一稳定”', '3.危及“三安全一稳订”'], ['（区分处理的，只计这一情形，不计其他情形）', '（区分处理的，只计这一情形，不计其他情行）']]) {
      typoFixedBack(official, written, (t) => t.replace(official, written));
    }
  });
  it('a character added or lost at a label word’s end: fix-all writes the label, never a doubled or lost piece of it', () => {
    // each once gave garbage: 1.属属于…, …秘密甲密, 属于… (the numbering lost), （予以公开, 行政规范性文件甲件
    for (const [official, written] of [
      ['1.属于国家秘密', '1.属甲于国家秘密'],
      ['1.属于国家秘密', '1.属于国家秘甲密'],
      ['1.属于国家秘密', '1.于国家秘密'],
      ['（一）予以公开', '（一）以公开'],
      ['行政规范性文件', '行政规范性文甲件'],
      ['二、上年结转政府信息公开申请数量', '二、上甲年结转政府信息公开申请数量'],
    ]) {
      typoFixedBack(official, written);
    }
  });
  it('a long row label with one character typed after it, at its end: label-typo, and the fix writes the label', () => {
    // the label holds the official words, and was let pass: no diagnostic at all
    for (const [official, written] of [['4.保护第三方合法权益', '4.保护第三方合法权益利'], ['行政规范性文件', '行政规范性文件甲']]) {
      typoFixedBack(official, written);
    }
  });
  it('near miss: after a label, a unit, two more characters or a blank and one are no typo of it', () => {
    for (const [official, written] of [['一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量件'], ['4.保护第三方合法权益', '4.保护第三方合法权益事项'], ['4.保护第三方合法权益', '4.保护第三方合法权益 利']]) {
      expectClean(base().replace(`\n${official}\t`, `\n${written}\t`));
    }
  });
  it('a short label with one character mistyped, or written 其它 / 合计: the row is read, and the fix writes the label', () => {
    for (const [official, written] of [['2.重复申请', '2.重复申清'], ['行政许可', '行政许诺'], ['（七）总计', '（七）总记'], ['3.其他', '3.其它'], ['（七）总计', '（七）合计']]) {
      typoFixedBack(official, written);
    }
  });
  it('a label cut short, its values after it on its line: label-typo, and the fix writes the whole label', () => {
    const t = base();
    const text = t.replace('\n4.保护第三方合法权益\t', '\n4.保护第三方合法权\t');
    assert.equal(expectOnly(text, 'label-typo')[0].text, '保护第三方合法权');
    assert.equal(fixAll(text).text, t);
  });
  it('near miss: a label written without its bracketed note (（二）部分公开), or wrapped onto the next line, is no typo', () => {
    expectClean(base().replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开'));
    const t = base();
    const line = lineOf(t, '4.保护第三方合法权益');
    expectClean(t.replace(line, `${line.replace('4.保护第三方合法权益', '4.保护第三方合法')}\n权益`));
  });
  it('near miss: a short label with two characters changed is no typo of it', () => {
    assert.ok(codes(diagnose(base().replace('\n2.重复申请\t', '\n2.重复投诉\t'))).includes('missing-row'));
  });
  it('near miss: a label cut short before a bracket keeps the bracket when fixed', () => {
    const t = base();
    const fixed = fixAll(t.replace('4.保护第三方合法权益', '4.保护第三方合法权（注）')).text;
    assert.ok(fixed.includes('4.保护第三方合法权益（注）'), lineOf(fixed, '4.'));
  });
  it('near miss: spaces inside a label', () => expectClean(base().replace('本年废止件数', '本年 废止 件数')));
});

describe('date-mismatch', () => {
  it('triggers on a publication two years later', () => {
    const ds = expectOnly(base(values(), undefined, 2024, '2026-01-10'), 'date-mismatch');
    assert.equal(ds[0].text, '2026-01-10');
  });
  it('triggers on a department publishing after 31 January', () => {
    expectOnly(base(values(), '示例县发展和改革局', 2024, '2025-02-10'), 'date-mismatch');
  });
  it('near miss: a township sets its own deadline', () => expectClean(base(values(), '示例县某某镇人民政府', 2024, '2025-02-10')));
  it('near miss: a county government has until 31 March', () => expectClean(base(values(), '示例县人民政府', 2024, '2025-03-20')));
});

describe('narrative-mismatch', () => {
  it('triggers when the prose count differs from table 三', () => {
    const v = values();
    const ds = expectOnly(base(v).replace(`受理政府信息公开申请${v.table3.R1[6]}件`, `受理政府信息公开申请${v.table3.R1[6] + 5}件`), 'narrative-mismatch');
    assert.equal(ds[0].text, String(v.table3.R1[6] + 5));
  });
  it('triggers when parts do not add up to their whole', () => {
    const t = base().replace('一、总体情况\n', '一、总体情况\n\n全年主动公开政府信息407条，其中，网站公开189条，微信公开200条。\n');
    expectOnly(t, 'narrative-mismatch');
  });
  it('near miss: parts that add up', () =>
    expectClean(base().replace('一、总体情况\n', '一、总体情况\n\n全年主动公开政府信息407条，其中，网站公开189条，微信公开218条。\n')));
});

describe('empty-section', () => {
  it('triggers when 六 has no text', () => {
    const t = base();
    expectOnly(t.slice(0, t.indexOf('本年度未收取')), 'empty-section');
  });
  it('triggers when 六 holds only the signature: the agency’s name and the date', () => {
    const t = base();
    for (const date of ['2025年1月15日', '2025-01-15', '二〇二五年一月十五日']) {
      const ds = diagnose(`${t.slice(0, t.indexOf('本年度未收取'))}示例县发展和改革局\n${date}\n`);
      assert.ok(codes(ds).includes('empty-section'), date);
    }
  });
  it('near miss: 六 with one line', () => expectClean(base()));
  it('near miss: 六 with one line and the signature', () => {
    const t = base();
    assert.ok(!codes(diagnose(`${t.trimEnd()}\n\n示例县发展和改革局\n2025年1月15日\n`)).includes('empty-section'));
  });
});

describe('outdated-template', () => {
  const trial = (year: number): string =>
    base(values(), undefined, year, `${year + 1}-01-15`).replace('本年制发件数\t本年废止件数\t现行有效件数', '本年新制作数量\t本年新公开数量\t对外公开总数量');
  it('triggers on 2019 trial tables in a 2024 report', () => {
    const ds = ofCode(diagnose(trial(2024)), 'outdated-template');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].text, '本年新制作数量');
  });
  it('near miss: the trial tables in a 2020 report', () => assert.equal(ofCode(diagnose(trial(2020)), 'outdated-template').length, 0));
});

describe('unknown-citation', () => {
  const cite = (n: string): string => base().replace('一、总体情况\n', `一、总体情况\n\n按照国办公开办函〔${n}号要求编制。\n`);
  it('triggers on 〔2020〕60号', () => {
    const ds = expectOnly(cite('2020〕60'), 'unknown-citation');
    assert.equal(ds[0].severity, 'info');
    assert.equal(ds[0].fix!.edits[0].newText, '国办公开办函〔2021〕30号');
  });
  it('near miss: 〔2021〕30号', () => expectClean(cite('2021〕30')));
});

/**
 * A compilation of last year's and this year's report of one agency, the years agreeing (上年结转 is last year's
 * 结转下年度; 现行有效件数 is last year's plus 制发 minus 废止; this year's prose written anew) but for what `change`
 * alters.
 */
const twoYears = (change: (last: ReportValues, current: ReportValues) => void = () => {}): string => {
  const current = values();
  const last = consistentValues(seededRandom(99));
  last.table3.R25 = [...current.table3.R2];
  for (const row of ['A1', 'A2']) {
    const [issued, repealed] = current.table2[row];
    last.table2[row][2] += repealed;
    current.table2[row][2] = last.table2[row][2] + issued - repealed;
  }
  change(last, current);
  // keep last year balanced: R1 + R2 = R24 + R25
  last.table3.R1 = last.table3.R24.map((v, c) => v + last.table3.R25[c] - last.table3.R2[c]);
  return base(last, '示例县发展和改革局', 2023, '2024-01-15') + '\n' + rewriteProse(base(current, '示例县发展和改革局', 2024));
};

describe('carryover-mismatch', () => {
  const compilation = (bump: number): string =>
    twoYears((last) => (last.table3.R25 = last.table3.R25.map((v, c) => (c === 0 || c === 6 ? v + bump : v))));
  it('triggers when 上年结转 differs from last year’s 结转下年度', () => {
    const ds = expectOnly(compilation(1), 'carryover-mismatch');
    assert.equal(ds.length, 2, 'the 自然人 and 总计 columns');
    assert.match(ds[0].message, /2023/);
  });
  it('near miss: equal carry-over', () => expectClean(compilation(0)));
  it('against another file: the same with the reports or with their index, and the file’s own report comes first', () => {
    const [last, current] = compilation(1).split('\n示例县发展和改革局2024');
    const thisYear = '示例县发展和改革局2024' + current;
    const others = parseDocument(last).reports;
    const fromList = checkText(thisYear, {}, others).diagnostics;
    assert.deepEqual(codes(fromList), ['carryover-mismatch', 'carryover-mismatch']);
    assert.deepEqual(checkText(thisYear, {}, indexByAgencyYear(others)).diagnostics, fromList);
    // with last year's report in the file itself, the other file's (which disagrees) is not used
    const own = compilation(0).split('\n示例县发展和改革局2024')[0];
    assert.deepEqual(codes(checkText(`${own}\n${thisYear}`, {}, others).diagnostics), []);
  });
});

describe('a 法人或其他组织 subtotal column', () => {
  const withSubtotal = (delta: number): string => {
    const t = base();
    const line = lineOf(t, '一、本年新收政府信息公开申请数量');
    const [label, ...v] = line.split('\t');
    const sub = v.slice(1, 6).reduce((a, b) => a + Number(b), 0) + delta;
    return t.replace(line, [label, v[0], String(sub), ...v.slice(1)].join('\t'));
  };
  it('is accepted when it is the sum of its five parts', () => expectClean(withSubtotal(0)));
  it('is not taken for a subtotal when it is not their sum', () => assert.ok(diagnose(withSubtotal(1)).length > 0));
});

describe('flattened-cells', () => {
  const v = values();
  it('triggers on a row whose cells are glued together, with the split in the message', () => {
    const ds = expectOnly(replaceLine(base(v), '规章', `规章${v.table2.A1.join('')}`), 'flattened-cells');
    assert.equal(ds[0].severity, 'info');
    assert.match(ds[0].message, new RegExp(v.table2.A1.join(' ')));
  });
  it('near miss: the cells tab-separated', () => expectClean(base(v)));
});

describe('ambiguous-cells', () => {
  const v = values();
  it('triggers where several splits fit (行政规范性文件 written 5334: 5 3 34, 5 33 4, 53 3 4)', () => {
    const ds = expectOnly(replaceLine(base(v), '行政规范性文件', '行政规范性文件5334'), 'ambiguous-cells');
    assert.match(ds[0].message, /5 3 34/);
  });
  it('near miss: the same digits spaced', () => expectClean(replaceLine(base(v), '行政规范性文件', '行政规范性文件 5 3 34')));
});

describe('stock-mismatch', () => {
  it('triggers when 现行有效件数 is not last year’s plus 制发 minus 废止, on that cell, naming the figures', () => {
    const text = twoYears((last, current) => {
      last.table2.A2 = [4, 1, 20];
      current.table2.A2 = [3, 2, 22];
    });
    const ds = expectOnly(text, 'stock-mismatch');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'info');
    assert.equal(ds[0].text, '22');
    assert.ok(ds[0].span.start > text.indexOf('示例县发展和改革局2024'), 'on this year’s table');
    assert.equal(ds[0].message, '表二“行政规范性文件”现行有效件数为 22，而上年报告（2023 年）现行有效 20 件，加本年制发 3 件、减本年废止 2 件，应为 21 件（如有文件因失效等其他原因不再有效，可不理会）');
  });
  it('near miss: the stock carried on (20 + 3 − 2 = 21)', () =>
    expectClean(twoYears((last, current) => {
      last.table2.A2 = [4, 1, 20];
      current.table2.A2 = [3, 2, 21];
    })));
  it('near miss: last year on the 2019 trial template, whose 对外公开总数量 is another count', () => {
    const text = twoYears((last, current) => {
      last.table2.A2 = [4, 1, 20];
      current.table2.A2 = [3, 2, 22];
    });
    const thisYear = text.indexOf('示例县发展和改革局2024');
    const trial = text.slice(0, thisYear).replace('本年制发件数\t本年废止件数\t现行有效件数', '本年新制作数量\t本年新公开数量\t对外公开总数量');
    assert.deepEqual(ofCode(diagnose(trial + text.slice(thisYear)), 'stock-mismatch'), []);
  });
});

describe('fee-statement-missing', () => {
  const sixSays = (words: string, year = 2024): string => base(values(), undefined, year, `${year + 1}-01-15`).replace('本年度未收取信息处理费。', words);
  it('triggers when section 六 says nothing of the fee, on its heading', () => {
    const ds = expectOnly(sixSays('本机关无其他需要报告的事项。'), 'fee-statement-missing');
    assert.equal(ds[0].severity, 'info');
    assert.equal(ds[0].text, '六、其他需要报告的事项');
    assert.match(ds[0].message, /信息处理费/);
  });
  it('triggers when section 六 names only table 二’s 行政事业性收费', () => {
    expectOnly(sixSays('本年度行政事业性收费情况见表二。'), 'fee-statement-missing');
  });
  it('near miss: the fee stated in other words, wrapped over lines', () => {
    expectClean(sixSays('本年度未发生收费情况。'));
    expectClean(sixSays('全年收取政府信息公开信息处\n理费 0 元。'));
    expectClean(sixSays('本机关未向申请人收取任何费用。'));
  });
  it('near miss: a 2020 report (the fee of 国办函〔2020〕109号 is charged from 2021)', () =>
    assert.deepEqual(ofCode(diagnose(sixSays('本机关无其他需要报告的事项。', 2020)), 'fee-statement-missing'), []));
  it('near miss: a section 六 holding only a page footer is empty-section’s alone', () => {
    expectOnly(sixSays('- 5 -'), 'empty-section');
  });
});
