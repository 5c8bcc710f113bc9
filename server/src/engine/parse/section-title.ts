// A section heading's title, read where it stands. A crawled page glues a heading to the text around it
// (…报告如下。一、总体情况2025年，… / …继续办理1000001四、政府信息公开行政复议、行政诉讼情况行政复议…), so the
// title is known by its words, not by a line: it starts right after the numeral and its mark with the section's
// own words (its keys) and ends at its last word (情况, 事项, 问题, 计划…), parts joined by 及 / 和 / 、 read as one
// (存在的主要问题及明年工作计划); what follows is the section's body. A title one character away from every
// official form is a typo of it; one further away is another wording.
import type { SectionTemplate } from '../template/types';
import { isSpace } from '../text/chars';
import { editDistance } from '../text/distance';
import { foldText } from '../text/fold';

/** the longest title read, in characters */
const MAX_TITLE = 40;
/** how far into the title a key may start (因政府信息公开工作被申请行政复议…) */
const KEY_REACH = 12;
/** the words a title ends with */
const END_WORDS = ['情况', '事项', '问题', '计划', '措施', '举措', '打算', '思路', '方向', '安排'];
/** what joins two parts of a title (问题及改进情况, 行政复议、行政诉讼) */
const CONNECTIVES = '及和与并、';
/** how far after a connective the next part's end word may end */
const PART_REACH = 10;
/** after a title, these make it an item of a list in prose (本报告包括一、总体情况，二、…), not a heading */
const LIST_FOLLOWERS = '，,、；;等';
const codes = (chars: string): ReadonlySet<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
/** characters a title never holds: the body starts at the first of them */
const STOPS = codes('。，,；;：:！!？?（(【[《“"‘\'<>|/');
const NUMERALS = codes('一二三四五六七八九十');
const MARKS = codes('、．.');
/** the shortest official title recognised with a character wrong in its key words */
const MIN_FUZZY = 6;

export interface SectionTitle {
  /** where the title ends, as an offset into the text */
  readonly end: number;
  /** the official title it misspells, when it is one character away from one of them and equal to none */
  readonly official: string | null;
}

const isDigit = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);

/** Where the run of characters a title may hold ends, from `from`, up to `limit` and MAX_TITLE characters. */
function runEnd(text: string, from: number, limit: number): number {
  const end = Math.min(limit, from + MAX_TITLE);
  let i = from;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code) || isSpace(code) || STOPS.has(code)) break;
    // the next enumerated item (四、结转下年度继续办理四、政府信息公开…)
    if (NUMERALS.has(code) && MARKS.has(text.charCodeAt(i + 1))) break;
  }
  return i;
}

/** The end of the earliest key that starts near the run's start, extended over keys that follow it (行政复议、行政诉讼); -1: none. */
function keyEnd(run: string, keys: readonly string[]): number {
  let end = Infinity;
  for (const key of keys) {
    const at = run.indexOf(key);
    if (at >= 0 && at <= KEY_REACH) end = Math.min(end, at + key.length);
  }
  if (end === Infinity) return -1;
  for (let extended = true; extended; ) {
    extended = false;
    for (const key of keys) {
      const next = CONNECTIVES.includes(run[end] ?? '') ? end + 1 : end;
      if (run.startsWith(key, next)) {
        end = next + key.length;
        extended = true;
      }
    }
  }
  return end;
}

/** The end of the first end word ending at or after `from`, in run[0, limit); -1: none. */
function endWordEnd(run: string, from: number, limit: number): number {
  let best = -1;
  for (const word of END_WORDS) {
    const at = run.indexOf(word, Math.max(0, from - word.length));
    if (at >= 0 && at + word.length <= limit && (best < 0 || at + word.length < best)) best = at + word.length;
  }
  return best;
}

/** Where a title whose key words end at `key` ends: its first end word, extended over parts joined to it; -1 when it has none. */
function titleEnd(run: string, key: number): number {
  let end = endWordEnd(run, key, run.length);
  if (end < 0) return -1;
  for (;;) {
    const joined = run.startsWith('以及', end) ? end + 2 : CONNECTIVES.includes(run[end] ?? '') ? end + 1 : -1;
    if (joined < 0) return end;
    const next = endWordEnd(run, joined + 1, Math.min(run.length, joined + PART_REACH));
    if (next < 0) return end;
    end = next;
  }
}

/** A title one character away from an official one in its key words (主动公开政府信急情况): the length of the run's prefix that is it; -1: none. */
function fuzzyEnd(run: string, titles: readonly string[]): number {
  let best = -1;
  let bestDistance = 2;
  for (const title of titles) {
    // a typo is seldom in the first two characters: a cheap test before the distances
    if (title.length < MIN_FUZZY || (run[0] !== title[0] && run[1] !== title[1])) continue;
    for (const length of [title.length, title.length - 1, title.length + 1]) {
      if (length > run.length) continue;
      const d = editDistance(foldText(run.slice(0, length)), foldText(title));
      if (d < bestDistance) {
        best = length;
        bestDistance = d;
      }
    }
  }
  return best;
}

/** A title's words without what a wording may add or drop: punctuation, 的, and the connectives. */
const bare = (title: string): string => foldText(title).replace(/以及/g, '').replace(/[及和与并的]/g, '');

/** The official title `written` misspells: one character away from one of them after `bare`, and no wording of any. */
function misspelt(written: string, titles: readonly string[]): string | null {
  const folded = foldText(written);
  if (titles.some((t) => foldText(t) === folded)) return null;
  const plain = bare(written);
  let found: string | null = null;
  for (const title of titles) {
    const d = editDistance(plain, bare(title));
    if (d === 0) return null;
    if (d === 1) found ??= title;
  }
  return found;
}

/**
 * The title of `section` starting at text[from] (just after its numeral and mark), read up to `limit` (the
 * line's end); null when the text there is not that title.
 */
export function readSectionTitle(text: string, from: number, limit: number, section: SectionTemplate): SectionTitle | null {
  const run = text.slice(from, runEnd(text, from, limit));
  if (!run) return null;
  const key = keyEnd(run, section.keys);
  let end = key < 0 ? fuzzyEnd(run, section.titles) : titleEnd(run, key);
  // with no end word, the key words must be all the title has (二、主动公开政府信息（一）…), not the start of a sentence
  if (end < 0 && key === run.length) end = key;
  if (end < 0) return null;
  if (LIST_FOLLOWERS.includes(text[from + end] ?? '') && from + end < limit) return null;
  return { end: from + end, official: misspelt(run.slice(0, end), section.titles) };
}
