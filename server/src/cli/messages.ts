// What the command line says in its own words (the engine's messages are in engine/messages/catalog.ts): usage,
// help, file errors, what --fix changed. Chinese by default, English for an English locale.
import type { Locale } from '../engine';

type P = Record<string, string | number>;

export type CliMessageKey =
  | 'usage.missing-command'
  | 'usage.unknown-command'
  | 'usage.unknown-option'
  | 'usage.not-for-command'
  | 'usage.bad-value'
  | 'usage.missing-value'
  | 'usage.flag-value'
  | 'usage.no-path'
  | 'usage.one-file'
  | 'usage.suggest'
  | 'usage.hint'
  | 'help'
  | 'io.not-found'
  | 'io.no-access'
  | 'io.is-folder'
  | 'io.not-regular'
  | 'io.broken-link'
  | 'io.too-large'
  | 'io.skipped'
  | 'io.cannot-write'
  | 'io.internal'
  | 'found.none'
  | 'archive.none'
  | 'archive.too-deep'
  | 'text.report'
  | 'text.total'
  | 'text.unread'
  | 'fix.blank'
  | 'fix.done'
  | 'fix.unfaithful'
  | 'fix.cannot-write'
  | 'fix.published'
  | 'fix.archived'
  | 'summary.xlsx-terminal'
  | 'html.line'
  | 'import.same-file'
  | 'html.problems'
  | 'html.no-problems';

type Catalog = Record<CliMessageKey, (p: P) => string>;

const zh: Catalog = {
  'usage.missing-command': (p) => `缺少命令（${p.commands}）`,
  'usage.unknown-command': (p) => `没有“${p.name}”这个命令${p.suggest}；可用的命令：${p.commands}`,
  'usage.unknown-option': (p) => `没有“${p.name}”这个选项${p.suggest}`,
  'usage.not-for-command': (p) => `选项 ${p.name} 不能用于 xxgk ${p.command}`,
  'usage.bad-value': (p) => `${p.name} 的值只能是 ${p.values} 之一，不能是“${p.value}”`,
  'usage.missing-value': (p) => `${p.name} 后面缺少值（${p.values}）`,
  'usage.flag-value': (p) => `${p.name} 不带值`,
  'usage.no-path': (p) => `xxgk ${p.command} 需要至少一个文件或文件夹`,
  'usage.one-file': () => 'xxgk import 只接受一个文件',
  'usage.suggest': (p) => `（是不是“${p.name}”？）`,
  'usage.hint': () => '；xxgk --help 查看用法',
  help: (p) => `xxgk ${p.version}：按国家统一格式检查政府信息公开工作年度报告

用法：
  xxgk check [选项] 路径...      检查年报，列出问题
  xxgk check --fix 路径...       先就地写入安全的改正（规则唯一确定的合计、空白、标签；只改文本文件），再列出其余问题
  xxgk import 文件 [-o 输出文件]  把网页、Word、Excel、PDF 年报转成检查所用的文本（诊断所指的行）
  xxgk summary [选项] 路径...    汇总表：每份年报一行（机关、年度、表三表四主要数字、问题数），合计行，同一机关各年度对比
  xxgk --version                 显示版本
  xxgk --help                    显示本说明

选项：
  --format text|json|sarif|html  check 的输出格式（默认 text；html 是一个可发送的网页）
  --format csv|xlsx|json|html    summary 的输出格式（默认 csv，可直接用 Excel 打开；xlsx 请重定向到文件）
  --encoding auto|utf8|gbk       文本文件的编码（默认 auto：自动识别 UTF-8、UTF-16、GBK/GB18030）
  --locale zh|en                 提示语言（默认中文）
  -o, --output 输出文件          import 写入该文件（UTF-8），而不是标准输出

路径：文件、文件夹或 .zip 压缩包（按文件夹读）；文件夹中查找 *.txt、*.md、*.xxgk，发布的格式 *.html、*.htm、
*.shtml、*.mht、*.mhtml、*.docx、*.xlsx、*.pdf（导入后检查，诊断旁注明原文位置，如“第 3 页”“表 2 第 5 行第 7 格”），
以及 *.zip；旧版 .doc、.wps、.xls、.et 和 .ofd、.rar、.7z 会说明如何转换。
语言：--locale，其次 xxgk.config.json 的 locale，其次环境变量 XXGK_LOCALE，其次 LC_ALL、LC_MESSAGES、LANG
（以 en 开头为英文），都没有则为中文。
退出码：0 没有错误级问题；1 有错误级问题；2 用法错误或文件读写错误。
`,
  'io.not-found': () => '没有这个文件或文件夹',
  'io.no-access': () => '没有读取权限',
  'io.is-folder': () => '是文件夹，不是文件',
  'io.not-regular': () => '不是普通文件（管道、套接字、设备不读取）',
  'io.broken-link': () => '符号链接的目标不存在或无法访问',
  'io.too-large': (p) => `大于 ${p.size}，未读取`,
  'io.skipped': (p) => `已跳过：${p.reason}`,
  'io.cannot-write': (p) => `无法写出输出：${p.reason}`,
  'io.internal': (p) => `内部错误：${p.reason}`,
  'found.none': (p) => `没有找到年报文件（在 ${p.paths} 中查找 ${p.patterns}）`,
  'archive.none': (p) => `压缩包中没有年报文件（查找 ${p.patterns}）`,
  'archive.too-deep': () => '压缩包中的压缩包套了不止一层，未读取：请解压后检查',
  'text.report': (p) => `报告“${p.title}”（${p.year} 年度，适用 ${p.template} 年版格式）`,
  'text.total': (p) => `共 ${p.files} 个文件：${p.errors} 个错误，${p.warnings} 个警告，${p.infos} 个提示`,
  'text.unread': (p) => `；${p.count} 个文件无法读取`,
  'fix.blank': () => '（空白）',
  'fix.done': (p) => `已修复 ${p.changes} 处（${p.files} 个文件）`,
  'fix.unfaithful': () => '未修改：文件中有按其编码无法原样写回的字节（坏字节已被替换），请先转成 UTF-8 再修复',
  'fix.cannot-write': (p) => `无法写回修复：${p.reason}`,
  'fix.published': (p) => `有 ${p.count} 处可自动修复，但导入的格式不会改写：请改原文件，或用 xxgk import 转成文本后再 --fix`,
  'fix.archived': (p) => `有 ${p.count} 处可自动修复，但压缩包中的文件不会改写：请解压后再 --fix`,
  'html.line': (p) => `第 ${p.line} 行`,
  'import.same-file': (p) => `-o 不能是要导入的文件本身（${p.file}）：文本会覆盖原文件`,
  'html.problems': (p) => `${p.errors} 个错误，${p.warnings} 个警告，${p.infos} 个提示`,
  'html.no-problems': () => '没有发现问题',
  'summary.xlsx-terminal': () => 'XLSX 工作簿不能显示在终端上：请重定向到文件，如 xxgk summary --format xlsx 文件夹/ > 汇总.xlsx',
};

const en: Catalog = {
  'usage.missing-command': (p) => `missing command (${p.commands})`,
  'usage.unknown-command': (p) => `there is no command “${p.name}”${p.suggest}; the commands are ${p.commands}`,
  'usage.unknown-option': (p) => `there is no option “${p.name}”${p.suggest}`,
  'usage.not-for-command': (p) => `the option ${p.name} does not apply to xxgk ${p.command}`,
  'usage.bad-value': (p) => `${p.name} takes one of ${p.values}, not “${p.value}”`,
  'usage.missing-value': (p) => `${p.name} needs a value (${p.values})`,
  'usage.flag-value': (p) => `${p.name} takes no value`,
  'usage.no-path': (p) => `xxgk ${p.command} needs at least one file or folder`,
  'usage.one-file': () => 'xxgk import takes exactly one file',
  'usage.suggest': (p) => ` (did you mean “${p.name}”?)`,
  'usage.hint': () => '; xxgk --help shows the usage',
  help: (p) => `xxgk ${p.version}: checks 政府信息公开工作年度报告 against the national template

Usage:
  xxgk check [options] PATH...   check reports and list the problems
  xxgk check --fix PATH...       first write the safe fixes in place (totals, blanks and labels the rules
                                 determine; text files only), then list what remains
  xxgk import FILE [-o OUT]      a web page, Word, Excel or PDF report as the text the checker reads (the lines
                                 its diagnostics name)
  xxgk summary [options] PATH... a table with a row per report (agency, year, the main figures of tables 三 and
                                 四, problem counts), a totals row, and each agency year over year
  xxgk --version                 print the version
  xxgk --help                    print this help

Options:
  --format text|json|sarif|html  output of check (default text; html is a page to send)
  --format csv|xlsx|json|html    output of summary (default csv, which Excel opens; redirect xlsx to a file)
  --encoding auto|utf8|gbk       encoding of text files (default auto: UTF-8, UTF-16, GBK/GB18030 detected)
  --locale zh|en                 language of the messages (default Chinese)
  -o, --output OUT               import writes the text to OUT (UTF-8) instead of stdout

PATH: files, folders or .zip archives (read as folders); folders are searched for *.txt, *.md, *.xxgk, the
published formats *.html, *.htm, *.shtml, *.mht, *.mhtml, *.docx, *.xlsx, *.pdf (imported, then checked; each
diagnostic names its place in the original, such as "page 3") and *.zip; a legacy .doc, .wps, .xls, .et, or an
.ofd, .rar, .7z is told how to convert it.
Language: --locale, else the locale of xxgk.config.json, else the environment variable XXGK_LOCALE, else LC_ALL,
LC_MESSAGES, LANG (English when it starts with en), else Chinese.
Exit status: 0 no error-severity problem; 1 some; 2 a usage error or a file that could not be read or written.
`,
  'io.not-found': () => 'no such file or folder',
  'io.no-access': () => 'permission denied',
  'io.is-folder': () => 'is a folder, not a file',
  'io.not-regular': () => 'not a regular file (a pipe, socket or device is not read)',
  'io.broken-link': () => 'a symbolic link whose target does not exist or cannot be reached',
  'io.too-large': (p) => `larger than ${p.size}: not read`,
  'io.skipped': (p) => `skipped: ${p.reason}`,
  'io.cannot-write': (p) => `cannot write the output: ${p.reason}`,
  'io.internal': (p) => `internal error: ${p.reason}`,
  'found.none': (p) => `no report files found (looked in ${p.paths} for ${p.patterns})`,
  'archive.none': (p) => `no report files in the archive (looked for ${p.patterns})`,
  'archive.too-deep': () => 'an archive nested more than one level deep is not read: unpack it and check the files',
  'text.report': (p) => `report “${p.title}” (year ${p.year}, ${p.template} template)`,
  'text.total': (p) => `${p.files} file(s): ${p.errors} error(s), ${p.warnings} warning(s), ${p.infos} info`,
  'text.unread': (p) => `; ${p.count} file(s) could not be read`,
  'fix.blank': () => '(blank)',
  'fix.done': (p) => `fixed ${p.changes} problem(s) in ${p.files} file(s)`,
  'fix.unfaithful': () => 'not changed: the file holds bytes its encoding cannot write back as they were (bad bytes were replaced); convert it to UTF-8 first',
  'fix.cannot-write': (p) => `cannot write the fixes back: ${p.reason}`,
  'fix.published': (p) => `${p.count} fix(es) could be made, but an imported format is never rewritten: edit the original, or convert it with xxgk import and --fix the text`,
  'fix.archived': (p) => `${p.count} fix(es) could be made, but a file inside an archive is never rewritten: unpack it and --fix the files`,
  'html.line': (p) => `line ${p.line}`,
  'import.same-file': (p) => `-o cannot be the file imported (${p.file}): the text would overwrite it`,
  'html.problems': (p) => `${p.errors} error(s), ${p.warnings} warning(s), ${p.infos} info`,
  'html.no-problems': () => 'no problems found',
  'summary.xlsx-terminal': () => 'an XLSX workbook cannot be shown on a terminal: redirect it to a file, e.g. xxgk summary --format xlsx folder/ > summary.xlsx',
};

const CATALOGS: Record<Locale, Catalog> = { zh, en };

export function cliMessage(locale: Locale, key: CliMessageKey, params: P = {}): string {
  return CATALOGS[locale][key](params);
}
