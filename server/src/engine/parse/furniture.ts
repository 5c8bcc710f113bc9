// A web page's furniture around a report: the header block a scraper writes before the body (标题:, 发布时间:,
// 发布机构:, 原文链接:, 本地目录: …, one `key: value` per line) and the site's navigation (当前位置：首页 > …,
// 全真版 文字版 文件下载, 附件下载). The header block's title, date and agency are the report's; the rest is
// part of no section.
import { isSpace } from '../text/chars';
import { lineEndAt, lineStartAt, previousLineEnd } from '../text/lines';

export type MetadataKind = 'title' | 'publisher' | 'other';

/** the keys of a page's metadata lines, as scrapers and 政府信息公开 pages write them */
const KEYS: ReadonlyMap<string, MetadataKind> = new Map([
  ...['标题', '题目', '名称', '文件名称', '文章标题'].map((k) => [k, 'title'] as const),
  ...['发布机构', '发文机关', '发文单位'].map((k) => [k, 'publisher'] as const),
  ...[
    '发布时间', '发布日期', '成文日期', '生成日期', '印发日期', '文号', '发文字号', '栏目', '所属栏目', '来源',
    '信息来源', '原文链接', '链接', '网址', '本地目录', '索引号', '主题分类', '公开方式', '公开范围', '有效性', '浏览次数',
  ].map((k) => [k, 'other'] as const),
]);
const MAX_KEY = 6;
/** how many lines a header block may have on each side of its title */
const MAX_BLOCK_LINES = 16;

export interface MetadataLine {
  readonly kind: MetadataKind;
  /** where the value starts (after the colon and spaces) and ends */
  readonly valueStart: number;
  readonly valueEnd: number;
}

const isColon = (c: string): boolean => c === ':' || c === '：';

/** The line text[start, end) as a metadata line (`发布时间: 2024-01-31`), or null. */
export function metadataLine(text: string, start: number, end: number): MetadataLine | null {
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  const keyStart = i;
  let key = '';
  for (; i < end && !isColon(text[i]) && key.length <= MAX_KEY; i++) if (!isSpace(text.charCodeAt(i))) key += text[i];
  const kind = i < end && isColon(text[i]) ? KEYS.get(key) : undefined;
  if (!kind || i === keyStart) return null;
  let valueStart = i + 1;
  while (valueStart < end && isSpace(text.charCodeAt(valueStart))) valueStart++;
  let valueEnd = end;
  while (valueEnd > valueStart && isSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
  return { kind, valueStart, valueEnd };
}

export interface HeaderBlock {
  /** where its first line starts */
  readonly start: number;
  /** the publisher's name (发布机构), '' when the block names none */
  readonly publisher: string;
}

/** The header block around the metadata line text[start, end): the metadata lines right before and after it. */
export function headerBlockAround(text: string, start: number, end: number, from: number): HeaderBlock {
  let blockStart = start;
  let publisher = '';
  const read = (line: MetadataLine | null): boolean => {
    if (line?.kind === 'publisher' && !publisher) publisher = text.slice(line.valueStart, line.valueEnd);
    return line !== null;
  };
  for (let k = 0; k < MAX_BLOCK_LINES && blockStart > from; k++) {
    const lineEnd = previousLineEnd(text, blockStart);
    const lineStart = lineStartAt(text, lineEnd, from);
    if (!read(metadataLine(text, lineStart, lineEnd))) break;
    blockStart = lineStart;
  }
  for (let k = 0, lineEnd = end; k < MAX_BLOCK_LINES && lineEnd < text.length; k++) {
    const lineStart = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
    lineEnd = lineEndAt(text, lineStart);
    if (!read(metadataLine(text, lineStart, lineEnd))) break;
  }
  return { start: blockStart, publisher };
}

/** a breadcrumb: 当前位置：首页 > 政务公开 > … */
const BREADCRUMB = /^[\s\u3000]*(?:当前位置|您的位置|您当前的位置|您现在的位置|当前所在位置|所在位置)[:：]/;

export const isBreadcrumb = (line: string): boolean => BREADCRUMB.test(line);

/** a page's buttons and links, which a scraper keeps as words among the text */
const NAVIGATION_WORDS = new Set([
  '附件下载', '附件', '全真版', '文字版', '文件下载', '打印本页', '打印', '关闭窗口', '关闭', '分享', '分享到', '微信', '微博',
  'QQ空间', '相关链接', '扫一扫在手机打开当前页', '返回顶部', '收藏', '-->',
]);
const MAX_NAVIGATION = 200;
const WORD_MARKS = /^[【[（(]+|[】\]）):：]+$/g;

/** Whether a line's text holds nothing but navigation words (附件下载, 【打印本页】【关闭窗口】). */
export function isNavigationText(line: string): boolean {
  if (line.length > MAX_NAVIGATION) return false;
  const words = line.split(/[\s\u3000]+|(?<=】)(?=【)/).filter((w) => w);
  return words.length > 0 && words.every((w) => NAVIGATION_WORDS.has(w.replace(WORD_MARKS, '')));
}
