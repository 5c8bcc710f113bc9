// Every message the engine shows, in Chinese (the default) and English. Row and column names are the
// official Chinese labels in both languages: they are what the user sees in the report.

export type Locale = 'zh' | 'en';
type P = Record<string, string | number>;
type Catalog = Record<MessageKey, (p: P) => string>;

export type MessageKey =
  | 'missing-section'
  | 'missing-sections'
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
  | 'blank-row.empty'
  | 'fix.fill'
  | 'fix.fill-row'
  | 'invalid-number'
  | 'kind.count'
  | 'kind.amount'
  | 'kind.change'
  | 'row-total-mismatch'
  | 'column-total-mismatch'
  | 'balance-mismatch'
  | 'balance-pending'
  | 'fix.set-total'
  | 'label-typo'
  | 'fix.replace-label'
  | 'date-period'
  | 'date-publication-year'
  | 'date-late'
  | 'deadline.department'
  | 'deadline.government'
  | 'narrative-table'
  | 'narrative-parts'
  | 'narrative-none'
  | 'narrative.row-total'
  | 'narrative.review-total'
  | 'narrative.litigation-total'
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
  | 'report.meta'
  | 'format.rows'
  | 'format.left-as-written'
  | 'format.unreadable'
  | 'lens.table-view'
  | 'cell-edit.stale'
  | 'cell-edit.no-cell'
  | 'cell-edit.empty'
  | 'cell-edit.unreadable'
  | 'not-a-report'
  | 'not-utf8'
  | 'workspace.skipped'
  | 'workspace.stopped'
  | 'hover.cell'
  | 'hover.row'
  | 'hover.rule'
  | 'hover.rule-holds'
  | 'hover.rule-expected'
  | 'hover.rule-pending'
  | 'hover.rule-questioned'
  | 'hover.forced'
  | 'hover.disagree'
  | 'hover.determined'
  | 'hover.blank'
  | 'hint.sum'
  | 'fix.all-of-code'
  | 'fix.all'
  | 'workspace.checked'
  | 'problems.more';

/** A sum shown after its value, unless it is the value alone (one term: "6（6）" says nothing). */
const zhSum = (sum: string | number | undefined): string => (sum !== undefined && String(sum).includes('=') ? `（${sum}）` : '');
const enSum = (sum: string | number | undefined): string => (sum !== undefined && String(sum).includes('=') ? ` (${sum})` : '');

const zh: Catalog = {
  'hover.cell': (p) => `**${p.table}** · 行“${p.row}” · 列“${p.column}”`,
  'hover.row': (p) => `**${p.table}** · 行“${p.row}”（官方标签：${p.label}）`,
  'hover.rule': (p) => `规则：${p.rule}`,
  'hover.rule-holds': () => '（成立）',
  'hover.rule-expected': (p) => `：**按此规则本格应为 ${p.value}**`,
  'hover.rule-pending': () => '（“三、本年度办理结果”尚未填写，暂不能判断）',
  'hover.rule-questioned': (p) => `（但其中 ${p.cells} 本身也有疑问）`,
  'hover.forced': (p) => `各条规则一致：**本格应为 ${p.value}**`,
  'hover.disagree': (p) => `各条规则给出的值不一致（${p.values}）：有误的可能是其他格，请核对`,
  'hover.determined': (p) => `此格空白；按规则应为 ${p.value}`,
  'hover.blank': () => '此格空白',
  'hint.sum': (p) => `= ${p.value}`,
  'fix.all-of-code': (p) => `修复本文件中所有“${p.code}”问题（${p.count} 处）`,
  'fix.all': () => '修复本文件中所有可自动修复的问题',
  'workspace.checked': (p) => `已检查 ${p.files} 个文件，其中 ${p.reports} 个是年报，发现 ${p.problems} 个问题`,
  'problems.more': (p) =>
    `本文件共 ${p.total} 个问题，此处列出 ${p.shown} 个（先列错误，再列最近修改处附近的），另有 ${p.hidden} 个未列出；用命令“检查工作区内所有年报”或命令行 xxgk check 查看全部（设置 xxgk.maxProblems）`,
  'missing-section': (p) => `缺少第${p.numeral}部分“${p.numeral}、${p.heading}”`,
  'missing-sections': (p) =>
    `六个部分的标题只识别出 ${p.found} 个，缺少第${p.numerals}部分（${p.headings}）；如果这些部分其实都在，是其标题的写法未能识别`,
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
  'blank-row': (p) => `${p.table}“${p.row}”行应有 ${p.expected} 个数值，只找到 ${p.found} 个；无法确定缺的是哪几格，请核对本行`,
  'blank-row.empty': (p) => `${p.table}“${p.row}”行的 ${p.expected} 个数值都是空白（空白不等于 0）`,
  'fix.fill': (p) => `填入 ${p.value}${p.determined ? '（由勾稽关系确定）' : ''}`,
  'fix.fill-row': (p) => `补全本行：${p.values}${p.determined ? '（由勾稽关系确定）' : ''}`,
  'invalid-number': (p) => `${p.table}“${p.row}”行“${p.column}”的“${p.raw}”不是${p.kind}`,
  'kind.count': () => '非负整数',
  'kind.amount': () => '非负数',
  'kind.change': () => '整数',
  'row-total-mismatch': (p) => `${p.table}“${p.row}”行的“${p.column}”应为 ${p.expected}${zhSum(p.sum)}，实为 ${p.actual}`,
  'column-total-mismatch': (p) =>
    `${p.table}“（七）总计”行“${p.column}”列应为 ${p.expected}（（一）至（六）各项之和：${p.sum}），实为 ${p.actual}`,
  'balance-mismatch': (p) =>
    `${p.table}“${p.column}”列不平衡：第一项加第二项之和为 ${p.left}${zhSum(p.leftSum)}，第三项加第四项之和为 ${p.right}${zhSum(p.rightSum)}；` +
    (Number(p.expected) >= 0
      ? `“四、结转下年度继续办理”应为 ${p.expected}`
      : `即使“四、结转下年度继续办理”为 0，第三项也比第一项加第二项多 ${-Number(p.expected)}，请核对第三项各数`),
  'balance-pending': (p) =>
    `${p.table}“${p.column}”列不平衡：第一项加第二项之和为 ${p.left}，而“三、本年度办理结果”各项都还是 0 或空白；请先填写办理结果，才能判断“四、结转下年度继续办理”应为多少`,
  'fix.set-total': (p) => `改为 ${p.value}`,
  'label-typo': (p) => `“${p.written}”与规范名称不符，应为“${p.official}”`,
  'fix.replace-label': (p) => `改为“${p.official}”`,
  'date-period': (p) => `统计期限的年份 ${p.found} 与报告年度 ${p.year} 不一致`,
  'date-publication-year': (p) => `发布日期 ${p.date} 不在报告年度的次年（${p.expected} 年）`,
  'date-late': (p) => `发布日期 ${p.date} 晚于${p.rule}（${p.deadline}）`,
  'deadline.department': () => '县级以上人民政府部门的公布期限',
  'deadline.government': () => '县级以上地方人民政府的公布期限',
  'narrative-table': (p) => `正文说“${p.quote}”，但${p.table}${p.what}为 ${p.expected}`,
  'narrative-parts': (p) => `正文中“其中”各项之和为 ${p.sum}（${p.parts}），与总数 ${p.whole} 不符`,
  'narrative-none': (p) => `正文说“${p.quote}”，但表三“一、本年新收政府信息公开申请数量”总计为 ${p.expected}`,
  'narrative.row-total': (p) => `“${p.row}”总计`,
  'narrative.review-total': () => '行政复议“总计”',
  'narrative.litigation-total': () => '行政诉讼两个“总计”之和',
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
  'report.meta': (p) => `${p.year} 年度 · 适用 ${p.template} 年版格式`,
  'format.rows': (p) => `${p.table} ${p.rows} 行`,
  'format.left-as-written': (p) =>
    `格式化未对齐${p.rows}：这些行的数值不与标签同在一行（一格一行，或 PDF 文本折行），或本行的数不全、夹有其他文字`,
  'format.unreadable': (p) => `格式化未作改动：对齐后${p.table}会被读成不同的数值`,
  'lens.table-view': () => '表格视图',
  'cell-edit.stale': () => '表格视图显示的不是最新的文本，这次修改未写入；表格已刷新，请再输入一次',
  'cell-edit.no-cell': () => '这一格已不在文本中，修改未写入',
  'cell-edit.empty': () => '表格视图不能清空一格；空白请在文本中删除',
  'cell-edit.unreadable': (p) => `“${p.text}”写入后不会被读作这一格的数值，修改未写入；请输入一个数字（或 /、- 表示空白）`,
  'not-a-report': () => '不是政府信息公开工作年度报告（未找到报告标题或“一、总体情况”等章节标题）',
  'not-utf8': (p) => `不是有效的 UTF-8：${p.count} 处无法解码的字节已替换为“\uFFFD”，其余内容照常检查`,
  'workspace.skipped': (p) => `${p.count} 个文件未读取（不是普通文件、大于 ${p.size} 或无法读取，详见输出面板）`,
  'workspace.stopped': (p) => `已达到检查上限（${p.files} 个文件、${p.size} 或 ${p.problems} 个问题），其余文件未检查`,
};

const en: Catalog = {
  'hover.cell': (p) => `**${p.table}** · row “${p.row}” · column “${p.column}”`,
  'hover.row': (p) => `**${p.table}** · row “${p.row}” (official label: ${p.label})`,
  'hover.rule': (p) => `Rule: ${p.rule}`,
  'hover.rule-holds': () => ' (holds)',
  'hover.rule-pending': () => ' (item 三 “本年度办理结果” is not filled in yet: cannot be judged)',
  'hover.rule-questioned': (p) => ` (but ${p.cells} is itself in question)`,
  'hover.forced': (p) => `Every rule agrees: **this cell should be ${p.value}**`,
  'hover.disagree': (p) => `The rules give different values (${p.values}): another cell may be the wrong one; check them`,
  'hover.rule-expected': (p) => `: **by this rule the cell should be ${p.value}**`,
  'hover.determined': (p) => `This cell is blank; the rules make it ${p.value}`,
  'hover.blank': () => 'This cell is blank',
  'hint.sum': (p) => `= ${p.value}`,
  'fix.all-of-code': (p) => `Fix every “${p.code}” problem in this file (${p.count})`,
  'fix.all': () => 'Fix every auto-fixable problem in this file',
  'workspace.checked': (p) => `Checked ${p.files} files, ${p.reports} of them reports, ${p.problems} problems found`,
  'problems.more': (p) =>
    `This file has ${p.total} problems; ${p.shown} are listed here (errors first, then those nearest the last edit) and ${p.hidden} are not: run “check all reports in the workspace” or the CLI xxgk check to see them all (setting xxgk.maxProblems)`,
  'missing-section': (p) => `Section ${p.numeral} “${p.numeral}、${p.heading}” is missing`,
  'missing-sections': (p) =>
    `Only ${p.found} of the six section headings were recognised; sections ${p.numerals} are missing (${p.headings}). If they are there, their headings are written in a form the checker cannot read`,
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
  'blank-row': (p) => `${p.table}, row “${p.row}” should have ${p.expected} values but has ${p.found}; which of them are missing cannot be told: check the row`,
  'blank-row.empty': (p) => `${p.table}, row “${p.row}”: all ${p.expected} values are blank (blank is not 0)`,
  'fix.fill': (p) => `Fill in ${p.value}${p.determined ? ' (determined by the table’s rules)' : ''}`,
  'fix.fill-row': (p) => `Complete the row: ${p.values}${p.determined ? ' (determined by the table’s rules)' : ''}`,
  'invalid-number': (p) => `${p.table}, row “${p.row}”, column “${p.column}”: “${p.raw}” is not ${p.kind}`,
  'kind.count': () => 'a non-negative integer',
  'kind.amount': () => 'a non-negative number',
  'kind.change': () => 'an integer',
  'row-total-mismatch': (p) => `${p.table}, row “${p.row}”: “${p.column}” should be ${p.expected}${enSum(p.sum)}, not ${p.actual}`,
  'column-total-mismatch': (p) =>
    `${p.table}, row “（七）总计”, column “${p.column}” should be ${p.expected} (the sum of （一）–（六）: ${p.sum}), not ${p.actual}`,
  'balance-mismatch': (p) =>
    `${p.table}, column “${p.column}” does not balance: items 一+二 = ${p.left}${enSum(p.leftSum)} but items 三+四 = ${p.right}${enSum(p.rightSum)}; ` +
    (Number(p.expected) >= 0
      ? `“四、结转下年度继续办理” should be ${p.expected}`
      : `even with “四、结转下年度继续办理” at 0, item 三 exceeds 一+二 by ${-Number(p.expected)}: check the figures of item 三`),
  'balance-pending': (p) =>
    `${p.table}, column “${p.column}” does not balance: items 一+二 = ${p.left}, but every outcome of item 三 is still 0 or blank; fill in the outcomes first, then “四、结转下年度继续办理” can be judged`,
  'fix.set-total': (p) => `Change to ${p.value}`,
  'label-typo': (p) => `“${p.written}” is not the official label “${p.official}”`,
  'fix.replace-label': (p) => `Change to “${p.official}”`,
  'date-period': (p) => `The statistics period’s year ${p.found} differs from the report year ${p.year}`,
  'date-publication-year': (p) => `The publication date ${p.date} is not in the year after the report year (${p.expected})`,
  'date-late': (p) => `The publication date ${p.date} is after ${p.rule} (${p.deadline})`,
  'deadline.department': () => 'the deadline for departments',
  'deadline.government': () => 'the deadline for a government’s own report',
  'narrative-table': (p) => `The text says “${p.quote}” but in ${p.table} ${p.what} is ${p.expected}`,
  'narrative-parts': (p) => `The parts the text gives of ${p.whole} add up to ${p.sum} (${p.parts}), not ${p.whole}`,
  'narrative-none': (p) => `The text says “${p.quote}” but table 三 row “一、本年新收政府信息公开申请数量” totals ${p.expected}`,
  'narrative.row-total': (p) => `the “总计” of row “${p.row}”`,
  'narrative.review-total': () => 'the “总计” of “行政复议”',
  'narrative.litigation-total': () => 'the sum of the two “总计” of “行政诉讼”',
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
  'report.meta': (p) => `Year ${p.year} · ${p.template} template`,
  'format.rows': (p) => `${p.rows} ${Number(p.rows) === 1 ? 'row' : 'rows'} of ${p.table}`,
  'format.left-as-written': (p) =>
    `Format Document did not align ${p.rows}: their values are not on their label’s line (one cell per line, or wrapped PDF text), not all known, or have other text between them`,
  'format.unreadable': (p) => `Format Document changed nothing: once aligned, ${p.table} would be read as different values`,
  'lens.table-view': () => 'Table view',
  'cell-edit.stale': () => 'The table view was not showing the current text, so the edit was not written; the table is redrawn, please type it again',
  'cell-edit.no-cell': () => 'This cell is no longer in the text; the edit was not written',
  'cell-edit.empty': () => 'The table view cannot clear a cell; delete a value in the text',
  'cell-edit.unreadable': (p) => `“${p.text}” would not be read as this cell’s value, so it was not written; type a number (or / or - for a blank)`,
  'not-a-report': () => 'not a 政府信息公开工作年度报告 (no report title and no section headings such as “一、总体情况” found)',
  'not-utf8': (p) => `not valid UTF-8: ${p.count} undecodable byte sequence(s) replaced with “\uFFFD”, the rest checked as usual`,
  'workspace.skipped': (p) => `${p.count} file(s) not read (not a regular file, larger than ${p.size}, or unreadable: see the Output panel)`,
  'workspace.stopped': (p) => `stopped at the limit (${p.files} files, ${p.size} or ${p.problems} problems): the other files were not checked`,
};

const CATALOGS: Record<Locale, Catalog> = { zh, en };

export function message(locale: Locale, key: MessageKey, params: P = {}): string {
  return CATALOGS[locale][key](params);
}

export function localeOf(tag: string | undefined): Locale {
  return tag && tag.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
