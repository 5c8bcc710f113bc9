// 导入年报 in a real VS Code: a Word document and a PDF (printed by Chromium from the official tables), each with a
// wrong 总计, imported with the command. The new document is an untitled report named after the title, with the
// error squiggle on that cell and a hover naming where the cell is in the file.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { consistentValues, seededRandom, type ReportValues } from '../../support/generate';
import { officialReport } from '../../support/official';
import { docxFile } from '../../support/ooxml';
import { printPdf } from '../../support/pdf-print';
import { reportPage } from '../../support/pdf-report-page';
import { codeOf, file, hoverAt, ours, waitFor, WORKSPACE } from './helpers';

const YEAR = 2024;

/** A report whose 一、本年新收 总计 is one more than its parts. */
function wrongTotal(seed: number): ReportValues {
  const values = consistentValues(seededRandom(seed));
  values.table3.R1[6] += 1;
  return values;
}

/** Runs the command on a file of the workspace: the document it opens, the wrong total's diagnostic and its hover. */
async function importReport(name: string, agency: string, total: number): Promise<{ document: vscode.TextDocument; hover: string }> {
  const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('xxgk.importReport', file(name));
  assert.ok(document, `${name} was not imported`);
  assert.equal(document.languageId, 'xxgk-report');
  assert.equal(document.uri.scheme, 'untitled');
  assert.equal(path.posix.basename(document.uri.path), `${agency}${YEAR}年政府信息公开工作年度报告.xxgk`);
  assert.equal(vscode.window.activeTextEditor?.document, document);
  const wrong = await waitFor(() => ours(document.uri).find((d) => codeOf(d) === 'row-total-mismatch' && document.getText(d.range) === String(total)), `the squiggle on ${name}'s wrong total`);
  assert.equal(wrong.severity, vscode.DiagnosticSeverity.Error);
  return { document, hover: await hoverAt(document.uri, wrong.range.start) };
}

describe('导入年报 in VS Code', function () {
  this.timeout(120000);

  it('imports a Word document: the wrong total squiggled, its hover naming its cell in the document', async () => {
    const agency = '示例县发展和改革局';
    const values = wrongTotal(7);
    writeFileSync(path.join(WORKSPACE, 'imported.docx'), docxFile(officialReport({ agency, year: YEAR, values })));
    const { hover } = await importReport('imported.docx', agency, values.table3.R1[6]);
    assert.match(hover, /按此规则本格应为 \d+/);
    // 表三 is the document's second table; 一、本年新收 its fourth row, under three rows of headers; 总计 its eighth cell
    assert.ok(hover.includes('来源：表 2 第 4 行第 8 格'), hover);
  });

  it('imports a PDF printed by Chromium: the wrong total squiggled, its hover naming its page', async () => {
    const agency = '示例县财政局';
    const values = wrongTotal(11);
    writeFileSync(path.join(WORKSPACE, 'imported.pdf'), await printPdf(reportPage({ agency, year: YEAR, values })));
    const { document, hover } = await importReport('imported.pdf', agency, values.table3.R1[6]);
    assert.match(hover, /按此规则本格应为 \d+/);
    assert.match(hover, /来源：PDF 第 \d+ 页/);
    // the text is the report's, with table 三 one row to a line as the CLI's import prints it
    assert.ok(document.getText().split('\n').some((line) => line.startsWith('一、本年新收政府信息公开申请数量\t')));
  });
});
