// The expected-diagnostic markers of the check fixtures (test/fixtures/checks/README.md): `⟦code⟧` written right
// before the first character a diagnostic must cover, `⟦code: words⟧` when its message must also contain the words.
// ⟦ and ⟧ (U+27E6, U+27E7) occur in no report, so a marker cannot be mistaken for report text.

export interface Marker {
  readonly code: string;
  /** offset in the text once every marker is taken out */
  readonly at: number;
  /** words the diagnostic's message must contain */
  readonly words?: string;
}

export interface Marked {
  /** the text with every marker taken out: what is checked */
  readonly text: string;
  readonly markers: readonly Marker[];
}

const OPEN = '⟦';
const MARKER = /⟦([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?::[ \t]*([^⟦⟧\n]+?))?[ \t]*⟧/y;

/** Takes the markers out of a fixture's text; a ⟦ that does not open a well-formed marker is an error, not text. */
export function readMarkers(source: string): Marked {
  const markers: Marker[] = [];
  let text = '';
  let from = 0;
  for (let open = source.indexOf(OPEN); open !== -1; open = source.indexOf(OPEN, from)) {
    MARKER.lastIndex = open;
    const m = MARKER.exec(source);
    if (!m) throw new Error(`malformed marker at offset ${open}: ${JSON.stringify(source.slice(open, open + 40))}`);
    text += source.slice(from, open);
    markers.push({ code: m[1], at: text.length, ...(m[2] !== undefined && { words: m[2] }) });
    from = MARKER.lastIndex;
  }
  text += source.slice(from);
  if (text.includes('⟧')) throw new Error(`a ⟧ without its ⟦ at offset ${text.indexOf('⟧')} of the text without markers`);
  return { text, markers };
}

/** The text with each marker written back before its offset (markers at one offset keep their order). */
export function writeMarkers(text: string, markers: readonly Marker[]): string {
  const sorted = [...markers].sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const m of sorted) {
    out += text.slice(from, m.at) + `${OPEN}${m.code}${m.words === undefined ? '' : `: ${m.words}`}⟧`;
    from = m.at;
  }
  return out + text.slice(from);
}
