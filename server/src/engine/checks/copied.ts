// copied-text (across files): the share of this report's prose that is the same as last year's report of the
// same agency, or as another agency's report of the same year in another file of the folder (assessors deduct
// points for 与往年或与其他单位雷同). The prose is what the agency writes: sections 一, 五 and
// 六, read only when the table sections 二–四 were all found (else a table may lie inside a prose section's
// text); the template's part is left out: the text before 一 (the 本报告根据…编制 / 统计期限 frame, the page's header
// block), the headings, the tables with their notes and labels, and any sentence that speaks of the report itself.
// Last year's shingles are hashed once into a set kept with that report's source, for every report compared with it.
import type { Report, ReportSource, Span } from '../model';
import { PAGE_FOOTER } from '../parse/tokens';
import { readTitle } from '../parse/blocks';
import { agencyYearKey } from '../report-keys';
import { sharedWith, shingleProse, SHINGLE, type ShingledProse, type ShingleSet, type SourceText } from '../text/shingles';
import { defineCheck, type CheckContext, type Folder } from './define';

/**
 * From this share on the finding is shown, and from GRAVE_SHARE on as a warning. The formulas any two reports share
 * (the names of the 条例 and of the fee 办法, the political preamble, 政府信息公开平台建设情况) make up about a tenth
 * of a report's prose at most; from a third on, whole paragraphs are last year's.
 */
const SHOWN_SHARE = 0.3;
const GRAVE_SHARE = 0.5;
/** a passage this long is a copied sentence rather than a phrase every report uses: where the finding is shown */
const LONG_PASSAGE = 2 * SHINGLE;

const PROSE_SECTIONS = new Set([1, 5, 6]);
const TABLE_SECTIONS = [2, 3, 4];
/** the template's frame: 本报告根据…编制, 本报告所列数据的统计期限…, 如对本报告有疑问…, 现将…报告如下 (in a sentence as written, its line breaks removed) */
const ABOUT_THE_REPORT = /本报告|此报告|年度报告|报告中|统计期限|报告如下/;

/** Whether a sentence (as written) is of the template's frame; most sentences lack 报 and 期限, and are let through at once. */
const speaksOfTheReport = (sentence: string): boolean =>
  (sentence.includes('报') || sentence.includes('期')) && ABOUT_THE_REPORT.test(sentence.replace(/\s+/g, ''));

/** page footers, searched in a whole section (a footer between blank lines is blanked with them) */
const FOOTERS = new RegExp(PAGE_FOOTER.source, 'gm');

/** The report's own text of `span` with the page furniture (footers, the running title) blanked out. */
function withoutFurniture(source: ReportSource, report: Report, span: Span): string {
  const text = source.slice(report, span);
  const furniture: [number, number][] = [];
  for (const m of text.matchAll(FOOTERS)) furniture.push([m.index, m.index + m[0].length]);
  for (let at = text.indexOf('报'); at >= 0; ) {
    const start = text.lastIndexOf('\n', at) + 1;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (readTitle(text, start, end, true, start)) furniture.push([start, end]);
    at = text.indexOf('报', end);
  }
  if (furniture.length === 0) return text;
  furniture.sort((a, b) => a[0] - b[0]);
  let kept = '';
  let from = 0;
  for (const [start, end] of furniture) {
    if (start < from) continue;
    kept += text.slice(from, start) + ' '.repeat(end - start);
    from = end;
  }
  return kept + text.slice(from);
}

function proseTexts(report: Report): SourceText[] {
  const found = new Set(report.sections.map((s) => s.number));
  if (!TABLE_SECTIONS.every((n) => found.has(n))) return [];
  return report.sections
    .filter((section) => PROSE_SECTIONS.has(section.number))
    .map((section) => ({ text: withoutFurniture(report.source, report, section.body), offset: section.body.start }));
}

const shingled = new WeakMap<Report, ShingledProse>();

/** The shingles of the report's prose, in its current offsets (kept per report: the folder's index and each comparison read them). */
export function proseShingles(report: Report): ShingledProse {
  let prose = shingled.get(report);
  if (!prose) shingled.set(report, (prose = shingleProse(proseTexts(report), speaksOfTheReport)));
  return prose;
}

const sets = new WeakMap<ReportSource, ShingleSet>();

/** The set of the hashes of the report's prose, made on first use and kept while the report is. */
function shingleSet(report: Report): ShingleSet {
  let set = sets.get(report.source);
  if (!set) sets.set(report.source, (set = proseShingles(report).set()));
  return set;
}

export interface Copied {
  readonly share: number;
  readonly passages: readonly { span: Span; length: number }[];
}

/** each report's comparisons: the checks (last year, a peer) and the summary's share column ask for the same pairs */
const compared = new WeakMap<Report, WeakMap<Report, Copied>>();

/** The share of the report's prose found in the other report's prose, and the passages in order. */
export function copiedFrom(report: Report, other: Report): Copied {
  let withOthers = compared.get(report);
  if (!withOthers) compared.set(report, (withOthers = new WeakMap()));
  let copied = withOthers.get(other);
  if (!copied) {
    const prose = proseShingles(report);
    withOthers.set(other, (copied = prose.length === 0 ? { share: 0, passages: [] } : shared(prose, other)));
  }
  return copied;
}

function shared(prose: ShingledProse, other: Report): Copied {
  const { share, passages } = sharedWith(prose, shingleSet(other));
  return { share, passages: passages.map(([from, to]) => ({ span: prose.span(from, to), length: to - from })) };
}

/** What the peer search reads of a report: a Report, or (the CLI's worker pool) what a worker sent of one. */
export interface PeerCandidate {
  readonly agency: string;
  readonly year: number | null;
}

/**
 * Per shingle hash, the candidates that hold it: one, two of different agencies, or COMMON when three agencies or
 * more do (a phrase of the region's, which no one agency copied from another).
 */
type Holders<T> = T | readonly [T, T] | typeof COMMON;
const COMMON = 0;

const isPair = <T>(held: T | readonly [T, T]): held is readonly [T, T] => Array.isArray(held);

/**
 * The reports of a folder (one per agency and year, in the folder's order) as the search for a report's likeliest
 * peer reads them: who holds each shingle, and how many reports each year has, both made on the first search.
 */
export class PeerIndex<T extends PeerCandidate> {
  private holders: Map<number, Holders<T>> | null = null;
  private yearCounts: Map<number | null, number> | null = null;
  /** per document (the keys of its own reports): how many of its reports of each year are candidates */
  private readonly ownCounts = new WeakMap<ReadonlyMap<string, unknown>, Map<number | null, number>>();
  private readonly candidates: readonly T[];

  constructor(
    /** the candidates by agency and year (see agencyYearKey), in the folder's order */
    private readonly byKey: ReadonlyMap<string, T>,
    private readonly hashesOf: (candidate: T) => Uint32Array,
    /** the candidate's key in `byKey` */
    private readonly keyOf: (candidate: T) => string,
  ) {
    this.candidates = [...byKey.values()];
  }

  /**
   * Whether some candidate of `year` is none of the document's own reports: then it is another agency's. Counted,
   * not looked for, so that each report of a compilation of thousands asks in constant time.
   */
  private othersOfYear(year: number, own: ReadonlyMap<string, unknown>): boolean {
    if (!this.yearCounts) {
      this.yearCounts = new Map();
      for (const c of this.candidates) this.yearCounts.set(c.year, (this.yearCounts.get(c.year) ?? 0) + 1);
    }
    let owned = this.ownCounts.get(own);
    if (!owned) {
      owned = new Map();
      for (const key of own.keys()) {
        const c = this.byKey.get(key);
        if (c) owned.set(c.year, (owned.get(c.year) ?? 0) + 1);
      }
      this.ownCounts.set(own, owned);
    }
    return (this.yearCounts.get(year) ?? 0) > (owned.get(year) ?? 0);
  }

  private holdersOfHashes(): Map<number, Holders<T>> {
    if (this.holders) return this.holders;
    const holders = new Map<number, Holders<T>>();
    for (const candidate of this.candidates) {
      for (const hash of this.hashesOf(candidate)) {
        const held = holders.get(hash);
        if (held === undefined) holders.set(hash, candidate);
        else if (held === COMMON) continue;
        else if (isPair(held)) {
          if (held.every((h) => h.agency !== candidate.agency)) holders.set(hash, COMMON);
        } else if (held.agency !== candidate.agency) holders.set(hash, [held, candidate]);
      }
    }
    return (this.holders = holders);
  }

  /**
   * The candidate of another agency and the same year, none of the document's own (`own`: their keys), that holds
   * most of the report's shingles (leaving out the phrases many agencies share); the first such in the folder's
   * order on a tie.
   */
  likeliest(report: PeerCandidate, hashes: () => Uint32Array, own: ReadonlyMap<string, unknown>): T | null {
    if (report.year === null || !report.agency) return null;
    // most reports have no such peer (a compilation read alone, a folder of one agency): then no shingle is looked up
    if (!this.othersOfYear(report.year, own)) return null;
    const other = (c: T): boolean => c.agency !== report.agency && c.year === report.year && !own.has(this.keyOf(c));
    const holders = this.holdersOfHashes();
    const counts = new Map<T, number>();
    for (const hash of hashes()) {
      const held = holders.get(hash);
      if (held === undefined || held === COMMON) continue;
      for (const c of isPair(held) ? held : [held]) if (other(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let best: T | null = null;
    for (const [c, n] of counts) if (!best || n > counts.get(best)!) best = c;
    return best;
  }
}

const peerIndexes = new WeakMap<ReadonlyMap<string, Report>, PeerIndex<Report>>();

/** The report of another agency, in another file of the folder, of the same year, whose prose this report's most resembles. */
export function likeliestPeer(report: Report, folder: Folder): Report | null {
  let index = peerIndexes.get(folder.index);
  if (!index) peerIndexes.set(folder.index, (index = new PeerIndex(folder.index, (r) => proseShingles(r).hashes, (r) => agencyYearKey(r)!)));
  return index.likeliest(report, () => proseShingles(report).hashes, folder.own);
}

/**
 * The finding of a report whose prose is `other`'s from SHOWN_SHARE on: on its first long copied passage, a
 * warning from GRAVE_SHARE; `key` words it for last year's report or a peer's.
 */
function emitCopied(ctx: CheckContext, other: Report, key: 'copied-text' | 'copied-text.peer'): void {
  const { share, passages } = copiedFrom(ctx.report, other);
  if (share < SHOWN_SHARE) return;
  const shown = passages.find((p) => p.length >= LONG_PASSAGE) ?? passages.reduce((a, b) => (b.length > a.length ? b : a));
  const params = { percent: Math.round(share * 100), lastYear: other.year ?? '', agency: other.agency, title: other.title, passages: passages.length };
  ctx.emit('copied-text', shown.span, ctx.msg(key, params), undefined, undefined, share >= GRAVE_SHARE);
}

const checkCopiedFromPeer = (ctx: CheckContext, peer: Report): void => emitCopied(ctx, peer, 'copied-text.peer');

const checkCopied = (ctx: CheckContext, lastYear: Report): void => emitCopied(ctx, lastYear, 'copied-text');

export const copiedTextCheck = defineCheck({
  about: {
    zh: '正文与同一机关上年报告、或与同一文件夹中其他机关同年度报告相同的比例（模板套话、标题和表格除外）',
    en: 'the share of the prose that is the same as last year’s report of the agency, or as another agency’s report of the same year in the folder (template wording, headings and tables aside)',
  },
  codes: {
    'copied-text': { severity: 'info', graver: 'warning', fix: 'none', name: { zh: '与上年报告雷同', en: 'Copied text' } },
  },
  messages: {
    'copied-text': {
      zh: (p) => `正文约 ${p.percent}% 与上年报告（${p.lastYear} 年，“${p.title}”）相同，共 ${p.passages} 处；此为第一处较长的雷同段落`,
      en: (p) => `About ${p.percent}% of the prose is the same as last year’s report (${p.lastYear}, “${p.title}”), in ${p.passages} passages; this is the first long one`,
    },
    'copied-text.peer': {
      zh: (p) => `正文约 ${p.percent}% 与另一机关（${p.agency}）同年度的报告“${p.title}”相同，共 ${p.passages} 处；此为第一处较长的雷同段落`,
      en: (p) => `About ${p.percent}% of the prose is the same as another agency’s report of the same year (${p.agency}, “${p.title}”), in ${p.passages} passages; this is the first long one`,
    },
  },
  againstLastYear: checkCopied,
  againstPeer: checkCopiedFromPeer,
});
