// Every message the engine shows, in Chinese (the default) and English. Row and column names are the
// official Chinese labels in both languages: they are what the user sees in the report.

export type Locale = 'zh' | 'en';
type P = Record<string, string | number>;
type Catalog = Record<MessageKey, (p: P) => string>;

export type MessageKey =
  | 'missing-section'
  | 'fix.insert-section'
  | 'section-order'
  | 'duplicate-section'
  | 'missing-table'
  | 'fix.insert-table'
  | 'missing-row'
  | 'collapsed-group'
  | 'fix.insert-row'
  | 'blank-cell'
  | 'blank-cell.marker'
  | 'blank-row'
  | 'fix.fill'
  | 'fix.fill-row'
  | 'invalid-number'
  | 'kind.count'
  | 'kind.amount'
  | 'kind.change'
  | 'row-total-mismatch'
  | 'column-total-mismatch'
  | 'balance-mismatch'
  | 'fix.set-total'
  | 'label-typo'
  | 'fix.replace-label'
  | 'date-period'
  | 'date-publication-year'
  | 'date-late'
  | 'narrative-table'
  | 'narrative-parts'
  | 'narrative-none'
  | 'empty-section'
  | 'outdated-template'
  | 'unknown-citation'
  | 'fix.replace-citation'
  | 'carryover-mismatch'
  | 'flattened-cells'
  | 'fix.split-cells'
  | 'ambiguous-cells'
  | 'glued-contradicts'
  | 'table'
  | 'not-a-report'
  | 'hover.cell'
  | 'hover.row'
  | 'hover.rule'
  | 'hover.rule-holds'
  | 'hover.rule-expected'
  | 'hover.determined'
  | 'hover.blank'
  | 'hint.sum'
  | 'fix.all-of-code'
  | 'fix.all'
  | 'workspace.checked';

const zh: Catalog = {
  'hover.cell': (p) => `**${p.table}** · 行“${p.row}” · 列“${p.column}”`,
  'hover.row': (p) => `**${p.table}** · 行“${p.row}”（官方标签：${p.label}）`,
  'hover.rule': (p) => `规则：${p.rule}`,
  'hover.rule-holds': () => '（成立）',
  'hover.rule-expected': (p) => `：**按此规则本格应为 ${p.value}**`,
  'hover.determined': (p) => `此格空白；按规则应为 ${p.value}`,
  'hover.blank': () => '此格空白',
  'hint.sum': (p) => `= ${p.value}`,
  'fix.all-of-code': (p) => `修复本文件中所有“${p.code}”问题（${p.count} 处）`,
  'fix.all': () => '修复本文件中所有可自动修复的问题',
  'workspace.checked': (p) => `已检查 ${p.files} 个文件，其中 ${p.reports} 个是年报，发现 ${p.problems} 个问题`,
  'missing-section': (p) => `缺少第${p.numeral}部分“${p.numeral}、${p.heading}”`,
  'fix.insert-section': (p) => `插入“${p.numeral}、${p.heading}”`,
  'section-order': (p) => `“${p.heading}”顺序不对：第${p.numeral}部分出现在第${p.after}部分之后`,
  'duplicate-section': (p) => `第${p.numeral}部分“${p.heading}”重复出现（前文第${p.numeral}部分已有，见相关位置）`,
  'missing-table': (p) => `第${p.numeral}部分没有可识别的表格：${p.table}`,
  'fix.insert-table': (p) => `插入空白表格：${p.table}`,
  'missing-row': (p) => `${p.table}缺少“${p.row}”行`,
  'collapsed-group': (p) =>
    `${p.table}“${p.row}”只填了一行；现行格式将其分为 ${p.count} 行（${p.members}），本行按这些行之和参与核算`,
  'fix.insert-row': (p) => `插入“${p.row}”行（全部填 0）`,
  'blank-cell': (p) => `${p.table}“${p.row}”行“${p.column}”为空（空白不等于 0）`,
  'blank-cell.marker': (p) => `${p.table}“${p.row}”行“${p.column}”填的是“${p.marker}”，不是数字（空白不等于 0）`,
  'blank-row': (p) => `${p.table}“${p.row}”行应有 ${p.expected} 个数值，只找到 ${p.found} 个；无法确定哪几格为空`,
  'fix.fill': (p) => `填入 ${p.value}${p.determined ? '（由勾稽关系确定）' : ''}`,
  'fix.fill-row': (p) => `补全本行：${p.values}${p.determined ? '（由勾稽关系确定）' : ''}`,
  'invalid-number': (p) => `${p.table}“${p.row}”行“${p.column}”的“${p.raw}”不是${p.kind}`,
  'kind.count': () => '非负整数',
  'kind.amount': () => '非负数',
  'kind.change': () => '整数',
  'row-total-mismatch': (p) => `${p.table}“${p.row}”行的“${p.column}”应为 ${p.expected}（${p.sum}），实为 ${p.actual}`,
  'column-total-mismatch': (p) =>
    `${p.table}“（七）总计”行“${p.column}”列应为 ${p.expected}（（一）至（六）各项之和：${p.sum}），实为 ${p.actual}`,
  'balance-mismatch': (p) =>
    `${p.table}“${p.column}”列不平衡：第一项加第二项之和为 ${p.left}（${p.leftSum}），第三项加第四项之和为 ${p.right}（${p.rightSum}）；` +
    (Number(p.expected) >= 0
      ? `“四、结转下年度继续办理”应为 ${p.expected}`
      : `即使“四、结转下年度继续办理”为 0，第三项也比第一项加第二项多 ${-Number(p.expected)}，请核对第三项各数`),
  'fix.set-total': (p) => `改为 ${p.value}`,
  'label-typo': (p) => `“${p.written}”与规范名称不符，应为“${p.official}”`,
  'fix.replace-label': (p) => `改为“${p.official}”`,
  'date-period': (p) => `统计期限的年份 ${p.found} 与报告年度 ${p.year} 不一致`,
  'date-publication-year': (p) => `发布日期 ${p.date} 不在报告年度的次年（${p.expected} 年）`,
  'date-late': (p) => `发布日期 ${p.date} 晚于${p.rule}（${p.deadline}）`,
  'narrative-table': (p) => `正文说“${p.quote}”，但${p.table}${p.what}为 ${p.expected}`,
  'narrative-parts': (p) => `正文中“其中”各项之和为 ${p.sum}（${p.parts}），与总数 ${p.whole} 不符`,
  'narrative-none': (p) => `正文说“${p.quote}”，但表三“一、本年新收政府信息公开申请数量”总计为 ${p.expected}`,
  'empty-section': (p) => `第${p.numeral}部分“${p.heading}”没有内容`,
  'outdated-template': (p) => `${p.year} 年度报告应使用国办公开办函〔2021〕30号的格式，但表格是 2019 年试行格式（${p.marker}）`,
  'unknown-citation': (p) => `“${p.cited}”不是年报格式文件的文号（国办公开办函〔2021〕30号或〔2019〕60号）`,
  'fix.replace-citation': (p) => `改为“${p.official}”`,
  'carryover-mismatch': (p) =>
    `表三“二、上年结转政府信息公开申请数量”“${p.column}”为 ${p.actual}，与上年报告（${p.lastYear} 年）“四、结转下年度继续办理”的 ${p.expected} 不一致`,
  'flattened-cells': (p) =>
    `${p.table}“${p.row}”行的数字连在一起（${p.raw}），已按表格规则拆分为：${p.cells}${p.byColumns ? '（本行有几种拆分，只有这一种符合各列的勾稽关系）' : ''}`,
  'fix.split-cells': (p) => `改写本行，每格之间用制表符分隔（${p.cells}）`,
  'ambiguous-cells': (p) =>
    p.candidates
      ? `${p.table}“${p.row}”行的数字连在一起（${p.raw}），有多种拆分都符合规则：${p.candidates}；无法确定各格的值，本行不参与核算`
      : `${p.table}“${p.row}”行的数字连在一起（${p.raw}），可能的拆分太多，无法确定各格的值；本行不参与核算`,
  'glued-contradicts': (p) => `${p.table}“${p.row}”行的数字连在一起（${p.raw}），无论怎样拆分，总计都不等于各项之和；请核对本行`,
  table: (p) => `表${p.id}`,
  'not-a-report': () => '不是政府信息公开工作年度报告（未找到报告标题或“一、总体情况”等章节标题）',
};

const en: Catalog = {
  'hover.cell': (p) => `**${p.table}** · row “${p.row}” · column “${p.column}”`,
  'hover.row': (p) => `**${p.table}** · row “${p.row}” (official label: ${p.label})`,
  'hover.rule': (p) => `Rule: ${p.rule}`,
  'hover.rule-holds': () => ' (holds)',
  'hover.rule-expected': (p) => `: **by this rule the cell should be ${p.value}**`,
  'hover.determined': (p) => `This cell is blank; the rules make it ${p.value}`,
  'hover.blank': () => 'This cell is blank',
  'hint.sum': (p) => `= ${p.value}`,
  'fix.all-of-code': (p) => `Fix every “${p.code}” problem in this file (${p.count})`,
  'fix.all': () => 'Fix every auto-fixable problem in this file',
  'workspace.checked': (p) => `Checked ${p.files} files, ${p.reports} of them reports, ${p.problems} problems found`,
  'missing-section': (p) => `Section ${p.numeral} “${p.numeral}、${p.heading}” is missing`,
  'fix.insert-section': (p) => `Insert “${p.numeral}、${p.heading}”`,
  'section-order': (p) => `“${p.heading}” is out of order: section ${p.numeral} comes after section ${p.after}`,
  'duplicate-section': (p) => `Section ${p.numeral} “${p.heading}” appears twice (the first one is shown as related)`,
  'missing-table': (p) => `Section ${p.numeral} has no recognisable table: ${p.table}`,
  'fix.insert-table': (p) => `Insert the blank table: ${p.table}`,
  'missing-row': (p) => `${p.table} has no row “${p.row}”`,
  'collapsed-group': (p) =>
    `${p.table} gives “${p.row}” as one row; the current template divides it into ${p.count} rows (${p.members}); it is counted as their sum`,
  'fix.insert-row': (p) => `Insert the row “${p.row}” (all 0)`,
  'blank-cell': (p) => `${p.table}, row “${p.row}”, column “${p.column}” is blank (a blank is not 0)`,
  'blank-cell.marker': (p) => `${p.table}, row “${p.row}”, column “${p.column}” holds “${p.marker}”, not a number (a blank is not 0)`,
  'blank-row': (p) => `${p.table}, row “${p.row}” should have ${p.expected} values but has ${p.found}; which cells are blank cannot be told`,
  'fix.fill': (p) => `Fill in ${p.value}${p.determined ? ' (determined by the table’s rules)' : ''}`,
  'fix.fill-row': (p) => `Complete the row: ${p.values}${p.determined ? ' (determined by the table’s rules)' : ''}`,
  'invalid-number': (p) => `${p.table}, row “${p.row}”, column “${p.column}”: “${p.raw}” is not ${p.kind}`,
  'kind.count': () => 'a non-negative integer',
  'kind.amount': () => 'a non-negative number',
  'kind.change': () => 'an integer',
  'row-total-mismatch': (p) => `${p.table}, row “${p.row}”: “${p.column}” should be ${p.expected} (${p.sum}), not ${p.actual}`,
  'column-total-mismatch': (p) =>
    `${p.table}, row “（七）总计”, column “${p.column}” should be ${p.expected} (the sum of （一）–（六）: ${p.sum}), not ${p.actual}`,
  'balance-mismatch': (p) =>
    `${p.table}, column “${p.column}” does not balance: items 一+二 = ${p.left} (${p.leftSum}) but items 三+四 = ${p.right} (${p.rightSum}); ` +
    (Number(p.expected) >= 0
      ? `“四、结转下年度继续办理” should be ${p.expected}`
      : `even with “四、结转下年度继续办理” at 0, item 三 exceeds 一+二 by ${-Number(p.expected)}: check the figures of item 三`),
  'fix.set-total': (p) => `Change to ${p.value}`,
  'label-typo': (p) => `“${p.written}” is not the official label “${p.official}”`,
  'fix.replace-label': (p) => `Change to “${p.official}”`,
  'date-period': (p) => `The statistics period’s year ${p.found} differs from the report year ${p.year}`,
  'date-publication-year': (p) => `The publication date ${p.date} is not in the year after the report year (${p.expected})`,
  'date-late': (p) => `The publication date ${p.date} is after ${p.rule} (${p.deadline})`,
  'narrative-table': (p) => `The text says “${p.quote}” but ${p.table} ${p.what} is ${p.expected}`,
  'narrative-parts': (p) => `The parts listed after 其中 add up to ${p.sum} (${p.parts}), not the stated total ${p.whole}`,
  'narrative-none': (p) => `The text says “${p.quote}” but table 三 row “一、本年新收政府信息公开申请数量” totals ${p.expected}`,
  'empty-section': (p) => `Section ${p.numeral} “${p.heading}” is empty`,
  'outdated-template': (p) => `A ${p.year} report must use the template of 国办公开办函〔2021〕30号, but its tables follow the 2019 trial template (${p.marker})`,
  'unknown-citation': (p) => `“${p.cited}” is not the number of the report template notice (国办公开办函〔2021〕30号 or 〔2019〕60号)`,
  'fix.replace-citation': (p) => `Change to “${p.official}”`,
  'carryover-mismatch': (p) =>
    `Table 三 “二、上年结转政府信息公开申请数量”, column “${p.column}” is ${p.actual}, but last year’s report (${p.lastYear}) carried over ${p.expected}`,
  'flattened-cells': (p) =>
    `${p.table}, row “${p.row}”: the digits run together (${p.raw}); split by the table’s rules into ${p.cells}${p.byColumns ? ' (of the row’s possible splits, the only one the column rules allow)' : ''}`,
  'fix.split-cells': (p) => `Rewrite the row with a tab between cells (${p.cells})`,
  'ambiguous-cells': (p) =>
    p.candidates
      ? `${p.table}, row “${p.row}”: the digits run together (${p.raw}) and several splits satisfy every rule: ${p.candidates}; the row’s cells are unknown and it is left out of every rule`
      : `${p.table}, row “${p.row}”: the digits run together (${p.raw}) and can be split in too many ways; the row’s cells are unknown and it is left out of every rule`,
  'glued-contradicts': (p) => `${p.table}, row “${p.row}”: the digits run together (${p.raw}) and no split makes the totals the sums of their parts; check the row`,
  table: (p) => `Table ${p.id}`,
  'not-a-report': () => 'not a 政府信息公开工作年度报告 (no report title and no section headings such as “一、总体情况” found)',
};

const CATALOGS: Record<Locale, Catalog> = { zh, en };

export function message(locale: Locale, key: MessageKey, params: P = {}): string {
  return CATALOGS[locale][key](params);
}

export function localeOf(tag: string | undefined): Locale {
  return tag && tag.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
