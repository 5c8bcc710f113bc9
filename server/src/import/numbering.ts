// Word's automatic numbering (numbering.xml), rendered as Word shows it: a heading whose 一、 comes from a list
// level (chineseCounting, lvlText "%1、") must keep it, or 一、总体情况 reads as 总体情况 and the section is lost.
import { readXml } from './xml';

interface Level {
  start: number;
  format: string;
  text: string;
  /** the level after whose use this one starts again (0-based); -1: never; undefined: after any higher level */
  restartAfter?: number;
  /** every level shown as a decimal number (legal numbering) */
  legal: boolean;
  suffix: string;
  /** the paragraph style this level belongs to */
  style?: string;
}

interface Instance {
  abstract: string;
  /** level → the number it starts again at, when the instance is first used */
  startOverrides: Map<number, number>;
  /** levels the instance redefines */
  levels: Map<number, Level>;
}

const newLevel = (): Level => ({ start: 0, format: 'decimal', text: '', legal: false, suffix: ' ' });
const SUFFIX: Record<string, string> = { tab: ' ', space: ' ', nothing: '' };
const on = (a: Readonly<Record<string, string>>): boolean => !['0', 'false', 'off'].includes(a['w:val'] ?? 'true');

export class Numbering {
  readonly #abstracts = new Map<string, Map<number, Level>>();
  readonly #instances = new Map<string, Instance>();
  /** per abstract list: the current number at each level (Word continues a list across instances of one abstract) */
  readonly #counters = new Map<string, (number | undefined)[]>();
  readonly #started = new Set<string>();

  constructor(bytes: Uint8Array | null) {
    if (bytes) this.#read(bytes);
  }

  /** The level a paragraph of `style` takes when its numbering gives no level. */
  levelOfStyle(numId: string, style: string | null): number {
    if (!style) return 0;
    const levels = this.#levels(numId);
    for (const [ilvl, level] of levels ?? []) if (level.style === style) return ilvl;
    return 0;
  }

  /** The label of the next paragraph at `ilvl` of list `numId` (advancing the list), '' for none or a bullet. */
  next(numId: string, ilvl: number): string {
    const instance = this.#instances.get(numId);
    const levels = this.#levels(numId);
    const level = levels?.get(ilvl);
    if (!instance || !levels || !level) return '';
    let counters = this.#counters.get(instance.abstract);
    if (!counters) this.#counters.set(instance.abstract, (counters = []));
    if (!this.#started.has(numId)) {
      this.#started.add(numId);
      for (const [l, start] of instance.startOverrides) counters[l] = start - 1;
    }
    counters[ilvl] = counters[ilvl] === undefined ? level.start : counters[ilvl]! + 1;
    for (const [deeper, d] of levels) {
      if (deeper <= ilvl) continue;
      const after = d.restartAfter ?? deeper - 1;
      if (after >= 0 && ilvl <= after) counters[deeper] = undefined;
    }
    if (level.format === 'bullet') return '';
    const label = level.text.replace(/%([1-9])/g, (_, n: string) => {
      const l = levels.get(+n - 1);
      if (!l) return '';
      const value = counters[+n - 1] ?? l.start;
      return formatNumber(value, level.legal && +n - 1 !== ilvl ? 'decimal' : l.format);
    });
    return label ? label + level.suffix : '';
  }

  #levels(numId: string): Map<number, Level> | undefined {
    const instance = this.#instances.get(numId);
    if (!instance) return undefined;
    const base = this.#abstracts.get(instance.abstract);
    if (instance.levels.size === 0) return base;
    return new Map([...(base ?? []), ...instance.levels]);
  }

  #read(bytes: Uint8Array): void {
    let levels: Map<number, Level> | null = null;
    let level: Level | null = null;
    let instance: Instance | null = null;
    let overrideLevel = -1;
    readXml(bytes, 'word/numbering.xml', {
      open: (name, a) => {
        switch (name) {
          case 'w:abstractNum':
            levels = new Map();
            this.#abstracts.set(a['w:abstractNumId'], levels);
            break;
          case 'w:num':
            instance = { abstract: '', startOverrides: new Map(), levels: new Map() };
            this.#instances.set(a['w:numId'], instance);
            break;
          case 'w:abstractNumId':
            if (instance) instance.abstract = a['w:val'];
            break;
          case 'w:lvlOverride':
            overrideLevel = +a['w:ilvl'];
            break;
          case 'w:startOverride':
            if (instance) instance.startOverrides.set(overrideLevel, +a['w:val']);
            break;
          case 'w:lvl':
            level = newLevel();
            if (instance) instance.levels.set(overrideLevel, level);
            else levels?.set(+a['w:ilvl'], level);
            break;
          case 'w:start':
            if (level) level.start = +a['w:val'];
            break;
          case 'w:numFmt':
            if (level) level.format = a['w:val'];
            break;
          case 'w:lvlText':
            if (level) level.text = a['w:val'] ?? '';
            break;
          case 'w:lvlRestart':
            if (level) level.restartAfter = +a['w:val'] - 1;
            break;
          case 'w:isLgl':
            if (level) level.legal = on(a);
            break;
          case 'w:suff':
            if (level) level.suffix = SUFFIX[a['w:val']] ?? ' ';
            break;
          case 'w:pStyle':
            if (level) level.style = a['w:val'];
            break;
        }
      },
      close: (name) => {
        if (name === 'w:lvl') level = null;
        else if (name === 'w:abstractNum') levels = null;
        else if (name === 'w:num') instance = null;
      },
      text: () => {},
    });
  }
}

const DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '〇壹贰叁肆伍陆柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const FULL_WIDTH = '０１２３４５６７８９';

/** n in Chinese counting: 一 … 十, 十一, 二十一, 一百零一, 一千零二十. */
function chineseCounting(n: number, digits = DIGITS, units = ['', '十', '百', '千'], bareTen = true): string {
  if (n <= 0 || n >= 10000) return String(n);
  const parts = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    const unit = units[parts.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += bareTen && d === 1 && unit === units[1] && out === '' ? unit : digits[d] + unit;
  });
  return out;
}

const letters = (n: number, a: string): string => String.fromCharCode(a.charCodeAt(0) + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, symbol] of table) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

const enclosed = (n: number, first: number, count: number): string => (n >= 1 && n <= count ? String.fromCharCode(first + n - 1) : String(n));

/** A number in one of Word's numFmt values; an unknown format is shown as a decimal, as Word falls back. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n, LEGAL_DIGITS, ['', '拾', '佰', '仟'], false);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => DIGITS[+d]);
    case 'ideographTraditional':
      return n >= 1 ? STEMS[(n - 1) % 10] : String(n);
    case 'ideographZodiac':
      return n >= 1 ? BRANCHES[(n - 1) % 12] : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => FULL_WIDTH[+d]);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20);
    case 'ideographEnclosedCircle':
      return enclosed(n, 0x3220, 10);
    case 'upperLetter':
      return letters(n, 'A');
    case 'lowerLetter':
      return letters(n, 'a');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}
