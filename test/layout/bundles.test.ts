// The bundles as the .vsix ships them: pdf.js in a chunk of its own that the server and the CLI require only on the
// first PDF, and the GB CMaps beside them, found there without node_modules (a packaged extension has none).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { GB_CMAP_FILES } from '../../server/src/import/pdf-cmaps';
import { ROOT } from '../support/helpers';
import { pdfWithoutEmbeddedFont } from '../support/pdf-minimal';

const dist = (name: string): string => join(ROOT, 'dist', name);
/** A string only pdf.js's worker holds. */
const PDF_JS = 'WorkerMessageHandler';

describe('bundles', () => {
  it('the server and the CLI require pdf.js from dist/pdf.js and hold none of it', () => {
    for (const bundle of ['server.js', 'cli.js']) {
      const text = readFileSync(dist(bundle), 'utf8');
      assert.match(text, /require\("\.\/pdf\.js"\)/, bundle);
      assert.ok(!text.includes(PDF_JS), `${bundle} holds pdf.js`);
    }
    assert.ok(readFileSync(dist('pdf.js'), 'utf8').includes(PDF_JS));
  });

  it('dist/cmaps holds the GB CMaps of pdfjs-dist, and no others', () => {
    const all = readdirSync(join(ROOT, 'node_modules/pdfjs-dist/cmaps'));
    assert.deepEqual(readdirSync(dist('cmaps')).sort(), all.filter((name) => GB_CMAP_FILES.test(name)).sort());
  });

  it('laid out as in the .vsix, without node_modules, the CLI reads a PDF whose 宋体 is not embedded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-bundle-'));
    try {
      for (const name of ['cli.js', 'pdf.js', 'cmaps']) cpSync(dist(name), join(dir, name), { recursive: true });
      const pdf = join(dir, 'report.pdf');
      writeFileSync(pdf, pdfWithoutEmbeddedFont('某某县人民政府2024年政府信息公开工作年度报告'));
      const text = execFileSync(process.execPath, [join(dir, 'cli.js'), 'import', pdf], { cwd: dir, encoding: 'utf8' });
      assert.equal(text.trim(), '某某县人民政府2024年政府信息公开工作年度报告');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
