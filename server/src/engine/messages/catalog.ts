// Every message the engine shows, in Chinese (the default) and English. Row and column names are the
// official Chinese labels in both languages: they are what the user sees in the report.

export type Locale = 'zh' | 'en';
export type MessageParams = Record<string, string | number>;
type P = MessageParams;
type Catalog = Record<MessageKey, (p: P) => string>;

export type MessageKey =
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
  | 'not-gb18030'
  | 'workspace.skipped'
  | 'workspace.undecodable'
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
  | 'workspace.imported-line'
  | 'import.failed'
  | 'import.not-file'
  | 'problems.more'
  | 'problems.checking';


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
  'problems.checking': (p) => `正在检查本文件的其余部分：此处先列出前 ${p.reports} 份报告的问题，全文检查完后更新`,
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
  'not-gb18030': (p) => `不是有效的 GBK（GB18030）：${p.count} 处无法解码的字节已替换为“\uFFFD”，其余内容照常检查`,
  'workspace.skipped': (p) => `${p.count} 个文件未读取（不是普通文件、大于 ${p.size} 或无法读取，详见输出面板）`,
  'workspace.undecodable': (p) => `${p.count} 个文件含无法解码的字节，已替换为“\uFFFD”后检查（详见输出面板）`,
  'workspace.stopped': (p) => `已达到检查上限（${p.files} 个文件、${p.size} 或 ${p.problems} 个问题），其余文件未检查`,
  'workspace.imported-line': (p) => `（导入文本第 ${p.line} 行）`,
  'import.failed': (p) => `无法导入 ${p.file}：${p.reason}`,
  'import.not-file': (p) => `无法导入 ${p.file}：只能导入磁盘上的文件`,
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
  'problems.checking': (p) => `Checking the rest of this file: the problems of its first ${p.reports} reports are listed here, and all of them once it is checked`,
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
  'not-gb18030': (p) => `not valid GBK (GB18030): ${p.count} undecodable byte sequence(s) replaced with “\uFFFD”, the rest checked as usual`,
  'workspace.skipped': (p) => `${p.count} file(s) not read (not a regular file, larger than ${p.size}, or unreadable: see the Output panel)`,
  'workspace.undecodable': (p) => `${p.count} file(s) held undecodable bytes, checked with them replaced by “\uFFFD” (see the Output panel)`,
  'workspace.stopped': (p) => `stopped at the limit (${p.files} files, ${p.size} or ${p.problems} problems): the other files were not checked`,
  'workspace.imported-line': (p) => ` (line ${p.line} of the imported text)`,
  'import.failed': (p) => `Cannot import ${p.file}: ${p.reason}`,
  'import.not-file': (p) => `Cannot import ${p.file}: only files on disk can be imported`,
};

const CATALOGS: Record<Locale, Catalog> = { zh, en };

/**
 * A check's own message (`own`, when the check declares the key), else the shared one of that key: a check asks
 * for its messages and the shared ones (a table's name) alike.
 */
export function localized(locale: Locale, own: { zh: (p: P) => string; en: (p: P) => string } | undefined, key: string, params: P = {}): string {
  return own ? own[locale](params) : message(locale, key as MessageKey, params);
}

export function message(locale: Locale, key: MessageKey, params: P = {}): string {
  return CATALOGS[locale][key](params);
}

export function localeOf(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
