// Display width in a monospace editor: East Asian Wide and Fullwidth characters (UAX #11) take two columns,
// every other character one, and a tab advances to the next multiple of the tab size. VS Code counts columns the
// same way for what reports hold (ideographs, full-width punctuation and digits, the ideographic space), so text
// padded by these widths lines up in the editor.

/** The Wide and Fullwidth ranges of EastAsianWidth.txt, merged into blocks (unassigned points inside them are rare enough to count as wide). */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x2e80, 0x303e], // CJK radicals, Kangxi radicals, CJK symbols and punctuation (、。〔〕 and the ideographic space)
  [0x3041, 0x33ff], // kana, bopomofo, Hangul compatibility, CJK strokes, enclosed and compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small forms
  [0xff00, 0xff60], // fullwidth ASCII (，（）：０-９)
  [0xffe0, 0xffe6], // fullwidth signs (￥)
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd], // CJK extensions B and later
];

export function isWide(codePoint: number): boolean {
  if (codePoint < 0x1100) return false;
  for (const [from, to] of WIDE) {
    if (codePoint < from) return false;
    if (codePoint <= to) return true;
  }
  return false;
}

/** The column reached after text[from, to) when it starts at `column`, with tabs every `tabSize` columns. */
export function columnAfter(text: string, from: number, to: number, column: number, tabSize: number): number {
  for (let i = from; i < to; i++) {
    const code = text.codePointAt(i)!;
    if (code === 9) column += tabSize - (column % tabSize);
    else column += isWide(code) ? 2 : 1;
    if (code > 0xffff) i++;
  }
  return column;
}

/** The display width of text without tabs. */
export const displayWidth = (text: string): number => columnAfter(text, 0, text.length, 0, 1);
