// Approximate matching of an official label inside a piece of text, for labels typed with a
// character missing, added or changed (`本年度止件数` for `本年废止件数`). Both strings are short
// (labels are capped before they get here), so the quadratic table is cheap.

export interface ApproxMatch {
  /** edits needed to turn text[start, end) into the pattern */
  distance: number;
  start: number;
  end: number;
}

/** Best place of `pattern` inside `text`, where the text may have anything before and after it. */
export function findApprox(pattern: string, text: string): ApproxMatch {
  const m = pattern.length;
  const n = text.length;
  let prev = new Array<number>(n + 1).fill(0);
  let prevStart = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(n + 1);
    const curStart = new Array<number>(n + 1);
    cur[0] = i;
    curStart[0] = 0;
    for (let j = 1; j <= n; j++) {
      const substitute = prev[j - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1);
      const skipPattern = prev[j] + 1;
      const skipText = cur[j - 1] + 1;
      if (substitute <= skipPattern && substitute <= skipText) {
        cur[j] = substitute;
        curStart[j] = prevStart[j - 1];
      } else if (skipPattern <= skipText) {
        cur[j] = skipPattern;
        curStart[j] = prevStart[j];
      } else {
        cur[j] = skipText;
        curStart[j] = curStart[j - 1];
      }
    }
    prev = cur;
    prevStart = curStart;
  }
  let best = 0;
  for (let j = 1; j <= n; j++) if (prev[j] < prev[best]) best = j;
  return { distance: prev[best], start: prevStart[best], end: best };
}

/** Plain edit distance between two whole strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
