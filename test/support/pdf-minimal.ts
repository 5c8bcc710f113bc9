// Small PDFs written by hand, for what a printer never makes: a font that is not embedded (text that needs the
// CMaps), an encryption dictionary.

/** A PDF file of these objects (numbered from 1; object 1 the catalog) with a correct cross-reference table. */
export function pdfOf(objects: readonly string[], trailer = ''): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

const stream = (content: string): string => `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;

/** One page of text in 宋体 (STSong-Light) referenced by name only, encoded UniGB-UCS2-H: readable only with the GB CMaps. */
export function pdfWithoutEmbeddedFont(text: string): Uint8Array {
  const ucs2 = [...text].map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    stream(`BT /F1 12 Tf 72 760 Td <${ucs2}> Tj ET`),
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}

/** A one-page PDF whose standard security handler wants a password nobody gave (O and U of no password). */
export function encryptedPdf(): Uint8Array {
  const bytes = (n: number, step: number): string => Array.from({ length: n }, (_, i) => ((i * step + 11) % 256).toString(16).padStart(2, '0')).join('');
  return pdfOf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
      `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${bytes(32, 37)}> /U <${bytes(32, 53)}> >>`,
    ],
    `/Encrypt 4 0 R /ID [<${bytes(16, 7)}> <${bytes(16, 7)}>] `,
  );
}

/** A ruled table drawn on a page: column rules at `x`, rows from `top` down, each cell's lines of text. */
export interface RuledTable {
  readonly x: readonly number[];
  readonly top: number;
  /** per row, per column, the cell's printed lines (none for an empty cell) */
  readonly rows: readonly (readonly (readonly string[])[])[];
}

const LINE = 14;
const PAD = 4;

/**
 * Pages of ruled tables in 宋体 (not embedded, as pdfWithoutEmbeddedFont), 10 pt, every glyph one em wide; each
 * row closed by rules above and below it on its page, as LibreOffice and Word draw a row the page break cuts.
 */
export function ruledTablesPdf(pages: readonly (readonly RuledTable[])[]): Uint8Array {
  const hex = (text: string): string => [...text].map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
  const contents = pages.map((tables) => {
    const ops: string[] = ['0.5 w'];
    for (const t of tables) {
      let y = t.top;
      const left = t.x[0];
      const right = t.x[t.x.length - 1];
      ops.push(`${left} ${y} m ${right} ${y} l S`);
      for (const row of t.rows) {
        const height = Math.max(1, ...row.map((lines) => lines.length)) * LINE + PAD;
        const bottom = y - height;
        ops.push(`${left} ${bottom} m ${right} ${bottom} l S`);
        for (const x of t.x) ops.push(`${x} ${y} m ${x} ${bottom} l S`);
        row.forEach((lines, col) => lines.forEach((line, k) => ops.push(`BT /F1 10 Tf ${t.x[col] + PAD} ${y - PAD / 2 - (k + 1) * LINE + 3} Td <${hex(line)}> Tj ET`)));
        y = bottom;
      }
    }
    return ops.join('\n');
  });
  const first = 6;
  const kids = pages.map((_, i) => `${first + 2 * i} 0 R`).join(' ');
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    ...contents.flatMap((content, i) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${first + 2 * i + 1} 0 R >>`,
      stream(content),
    ]),
  ]);
}

/**
 * One page of runs, each drawn by itself: in 宋体 as above, or in Helvetica (WinAnsi: `\223` is “, `\224` ”). A
 * `|` in a 宋体 run is a gap of 0.6 em left in it (a TJ offset), where a writer draws a glyph from another font
 * (pdf.js gives the run as one, a space in the gap).
 */
export function pdfOfRuns(runs: readonly { readonly text: string; readonly x: number; readonly y: number; readonly latin?: boolean }[]): Uint8Array {
  const hex = (text: string): string => [...text].map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
  const shown = (r: (typeof runs)[number]): string => (r.latin ? `(${r.text}) Tj` : `[${r.text.split('|').map((part) => `<${hex(part)}>`).join(' -600 ')}] TJ`);
  const content = runs.map((r) => `BT /${r.latin ? 'F2' : 'F1'} 10 Tf ${r.x} ${r.y} Td ${shown(r)} ET`).join('\n');
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 7 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 8 0 R /DW 1000 >>',
    stream(content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}
