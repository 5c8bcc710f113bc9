// Wholes stated with their parts in prose (`主动公开…407条，其中…189条…218条`): where each list of parts
// ends, which of its numbers are parts, and whether a reader would hold the parts to add up to the whole.
// Prose is loose, so a list is only held to its whole when its end is clear and it reads as exhaustive;
// parts that exceed the whole are wrong however the list is read.

/** A stated whole whose parts do not add up to it; `at`/`length`: the whole's digits in the prose. */
export interface PartsMismatch {
  at: number;
  length: number;
  whole: number;
  parts: number[];
}

// a count, then up to a few words (107条信息), then 其中, possibly inside brackets (60件（其中…）)
const WHOLE = /(?<![\d.第])(\d+)(条|件|篇|个|次)([^\d，,。；;：:、（()）【】[\]！？!?]{0,8}?)[，,：:]?([（(]?)其中[，,：:]?/g;
// what a list's reading stops or splits at: separators by strength (、 1, ，2, ；3), sentence ends, brackets
const SENTENCE_END = 4;
const OPEN = 5;
const CLOSE = 6;
/** each character's mark by its code, 0 for none: the scans read codes, and make no string of each character */
const MARK_OF = new Uint8Array(0x10000);
for (const [chars, mark] of [['、', 1], ['，,', 2], ['；;', 3], ['。！？!?', SENTENCE_END], ['（(【[', OPEN], ['）)】]', CLOSE]] as const) {
  for (const c of chars) MARK_OF[c.charCodeAt(0)] = mark;
}
/** `（二）`: a sub-heading, where a paragraph that lacks its full stop ends */
const SUBHEADING = /[（(][一二三四五六七八九十\d]{1,2}[）)]/y;
const COUNT_UNIT = /条|件|篇|个|次|项|份/y;
/** a number after these words compares with another year (同比增长10条): no part */
const COMPARISON = /同比|较上年|比上年|较去年|比去年|增长|增加|减少|下降|上升/;
/** a clause restating the total ends the list: the total is no part of itself */
const TOTAL = /合计|共计|总计|一共|总数/;
/** a list opened by these words names only some of the parts */
const PARTIAL_START = /^(?:主要|包括|包含|含|如|例如|诸如|比如)/;
/** the stages of handling an application: a clause of another stage than its whole's starts a new topic (收到12件，其中…，按时答复12件) */
const STAGES: readonly (readonly [RegExp, string])[] = [
  [/结转/, 'carry'],
  [/办结|答复|回复/, 'outcome'],
  [/新收|受理|收到|接收|接到/, 'intake'],
];
/** how far a list of parts may run; one that runs on further has no clear end */
const REACH = 400;
/** how far back the whole's own clause is read */
const CLAUSE_BACK = 40;

interface Clause {
  /** its words, without numbers and bracketed asides */
  label: string;
  /** its numbers in the list's unit */
  parts: number[];
  /** a number counted in another unit: the parts are not of one kind */
  otherUnit: boolean;
  /** `等` after a part, or an approximate part (`60余件`): the list is not exhaustive */
  partial: boolean;
  /** a list of its own part that it holds (`自然人60件，其中…`), not in brackets */
  nested: WholeList | null;
  /** where it ends (its separator, or where the list stops) and the separator's rank (0 there) */
  end: number;
  rank: number;
}

interface Reading {
  parts: number[];
  /** where the running sum of the parts first reached the whole */
  reachedAt: number | null;
  /** where reading stopped, and whether a clause of another topic stopped it */
  stoppedAt: number;
  endedByClause: boolean;
  clear: boolean;
  partial: boolean;
  mixed: boolean;
  /** nested lists whose clauses were read as parts */
  consumed: WholeList[];
}

interface WholeList {
  whole: number;
  at: number;
  length: number;
  unit: string;
  stage: string | null;
  /** where its parts start, after 其中 */
  start: number;
  /** whether the list stands in brackets (`（其中…）`): it ends at the closing one */
  bracketed: boolean;
  clauses: Clause[];
  /** where the list stops, and whether that is a clear end (the sentence's, the bracket's) */
  stopAt: number;
  clear: boolean;
  /** read as a list of its own */
  own: PartsMismatch | null;
  /** read as the list of a part of another list: where that list reads on (null: cannot tell), and what it says */
  resume: number | null;
  asNested: PartsMismatch | null;
  /** whether another list read it as a part's */
  consumed: boolean;
}

const stageOf = (words: string): string | null => STAGES.find(([pattern]) => pattern.test(words))?.[1] ?? null;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** The wholes in `text` whose stated parts do not add up to them, in the order they stand. */
export function partsMismatches(text: string): PartsMismatch[] {
  const lists: WholeList[] = [];
  // the whole's own clause starts after the last separator before it: found by one scan forward, not one scan back per whole
  let scanned = 0;
  let clauseStart = 0;
  for (const m of text.matchAll(WHOLE)) {
    const at = m.index!;
    for (; scanned < at; scanned++) if (MARK_OF[text.charCodeAt(scanned)] !== 0) clauseStart = scanned + 1;
    const own = text.slice(Math.max(clauseStart, at - CLAUSE_BACK), at) + m[3];
    if (COMPARISON.test(own)) continue;
    lists.push({
      whole: Number(m[1]),
      at,
      length: m[1].length,
      unit: m[2],
      stage: stageOf(own),
      start: at + m[0].length,
      bracketed: m[4] !== '',
      clauses: [],
      stopAt: 0,
      clear: false,
      own: null,
      resume: null,
      asNested: null,
      consumed: false,
    });
  }
  if (lists.length === 0) return [];
  const byStart = new Map(lists.map((l) => [l.at, l]));
  const closes = closingBrackets(text);
  // a nested list starts after its enclosing one: read from the last, each is known before the list holding it
  for (let k = lists.length - 1; k >= 0; k--) {
    const list = lists[k];
    readClauses(text, list, byStart, closes);
    const reading = read(list, list.clauses, list.clear);
    list.own = mismatch(list, reading);
    for (const nested of reading.consumed) nested.consumed = true;
    if (!list.bracketed) resolveNested(list, reading);
  }
  return lists.map((l) => (l.consumed ? l.asNested : l.own)).filter((m): m is PartsMismatch => m !== null);
}

/** Where each opening bracket closes, or -1 where it does not within REACH: an aside is skipped in one step. */
function closingBrackets(text: string): Map<number, number> {
  const closes = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const mark = MARK_OF[text.charCodeAt(i)];
    if (mark === OPEN) {
      open.push(i);
      closes.set(i, -1);
    } else if (mark === CLOSE && open.length > 0) {
      const from = open.pop()!;
      if (i - from <= REACH) closes.set(from, i);
    }
  }
  return closes;
}

/** Splits the list into clauses, up to its sentence's end, its closing bracket or REACH. */
function readClauses(text: string, list: WholeList, byStart: ReadonlyMap<number, WholeList>, closes: ReadonlyMap<number, number>): void {
  const limit = Math.min(text.length, list.start + REACH);
  const fresh = (): Clause => ({ label: '', parts: [], otherUnit: false, partial: false, nested: null, end: 0, rank: 0 });
  let clause = fresh();
  let i = list.start;
  // the clause's words are taken a slice at a time, between its numbers and asides
  let words = i;
  const takeWords = (): void => {
    clause.label += text.slice(words, i);
    words = i;
  };
  let clear = false;
  for (; i < limit; ) {
    const code = text.charCodeAt(i);
    const mark = MARK_OF[code];
    if (mark === SENTENCE_END || mark === CLOSE) {
      clear = true;
      break;
    }
    if (mark === OPEN) {
      SUBHEADING.lastIndex = i;
      const close = closes.get(i)!;
      if (SUBHEADING.test(text) || close < 0) {
        clear = close >= 0;
        break;
      }
      takeWords();
      i = words = close + 1;
      continue;
    }
    if (mark !== 0) {
      takeWords();
      clause.end = i;
      clause.rank = mark;
      list.clauses.push(clause);
      clause = fresh();
      words = ++i;
      continue;
    }
    if (code < 48 || code > 57) {
      i++;
      continue;
    }
    takeWords();
    let j = i;
    while (isDigit(text[j])) j++;
    const value = Number(text.slice(i, j));
    // a decimal or an ordinal (5949.09, 第3次) counts nothing
    if (text[i - 1] === '.' || text[i - 1] === '第' || (text[j] === '.' && isDigit(text[j + 1]))) {
      while (isDigit(text[j]) || text[j] === '.') j++;
      i = words = j;
      continue;
    }
    const approximate = text[j] === '余' || text[j] === '多';
    const u = approximate ? j + 1 : j;
    const compared = COMPARISON.test(clause.label);
    if (text.startsWith(list.unit, u)) {
      if (!compared) clause.parts.push(value);
      clause.partial ||= approximate || text[u + list.unit.length] === '等';
      j = u + list.unit.length;
    } else {
      COUNT_UNIT.lastIndex = u;
      if (!compared && COUNT_UNIT.test(text)) clause.otherUnit = true;
    }
    const nested = byStart.get(i);
    if (nested && !nested.bracketed) {
      // a whole with parts of its own, first in a clause after a stronger separator than the list's, is the
      // next whole, not a part (`复议351件，其中…37件；诉讼46件，其中…`)
      const last = list.clauses[list.clauses.length - 1];
      if (last && last.rank > list.clauses[0].rank && clause.parts.length <= 1) {
        list.stopAt = last.end;
        list.clear = true;
        return;
      }
      clause.nested = nested;
      // where its parts end cannot be told, so neither can this list's
      if (nested.resume === null) break;
      i = words = nested.resume;
      continue;
    }
    i = words = j;
  }
  takeWords();
  clause.end = i;
  list.clauses.push(clause);
  list.stopAt = i;
  list.clear = clear || i === text.length;
}

function read(list: WholeList, clauses: readonly Clause[], clear: boolean): Reading {
  const r: Reading = {
    parts: [],
    reachedAt: null,
    stoppedAt: list.stopAt,
    endedByClause: false,
    clear,
    partial: PARTIAL_START.test(clauses[0]?.label ?? ''),
    mixed: false,
    consumed: [],
  };
  let sum = 0;
  for (let k = 0; k < clauses.length; k++) {
    const c = clauses[k];
    if (k > 0 && (TOTAL.test(c.label) || otherStage(list, c))) {
      r.stoppedAt = clauses[k - 1].end;
      r.endedByClause = true;
      r.clear = true;
      break;
    }
    for (const v of c.parts) {
      r.parts.push(v);
      sum += v;
      if (sum === list.whole && r.reachedAt === null) r.reachedAt = c.end;
    }
    r.partial ||= c.partial;
    r.mixed ||= c.otherUnit;
    if (c.nested) r.consumed.push(c.nested);
    if (r.reachedAt !== null) break;
  }
  return r;
}

function otherStage(list: WholeList, clause: Clause): boolean {
  const stage = list.stage === null ? null : stageOf(clause.label);
  return stage !== null && stage !== list.stage;
}

function mismatch(list: WholeList, r: Reading): PartsMismatch | null {
  if (r.reachedAt !== null || !r.clear || r.parts.length === 0) return null;
  const sum = r.parts.reduce((a, b) => a + b, 0);
  const exhaustive = !r.partial && !r.mixed && r.parts.length >= 2;
  return sum > list.whole || exhaustive ? { at: list.at, length: list.length, whole: list.whole, parts: r.parts } : null;
}

/**
 * Where a list that is a part's (`自然人60件，其中线上30件、线下30件；法人40件`) ends without a bracket: where its
 * parts reach its whole, where a clause of another topic starts, or where an enumeration by 、 meets a
 * stronger separator; otherwise it cannot be told.
 */
function resolveNested(list: WholeList, reading: Reading): void {
  if (reading.reachedAt !== null) {
    list.resume = reading.reachedAt;
    return;
  }
  if (reading.endedByClause) {
    list.resume = reading.stoppedAt;
    list.asNested = list.own;
    return;
  }
  const stronger = list.clauses[0].rank === 1 ? list.clauses.findIndex((c) => c.rank > 1) : -1;
  if (stronger < 0) return;
  list.resume = list.clauses[stronger].end;
  list.asNested = mismatch(list, read(list, list.clauses.slice(0, stronger + 1), true));
}
