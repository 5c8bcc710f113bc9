// The publication deadline of 条例 第四十九条 under the `auto` rule: the agency is classified by the end of
// its name (a government, a zone, a department, a township), not by characters inside it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, diagnose } from '../support/helpers';
import { consistentValues, renderReport, seededRandom } from '../support/generate';

const report = (agency: string, published: string): string =>
  renderReport({ agency, year: 2024, values: consistentValues(seededRandom(11)), layout: 'tabs', published });
const lateWarnings = (agency: string, published: string): string[] =>
  diagnose(report(agency, published))
    .filter((d) => d.code === 'date-mismatch')
    .map((d) => d.message);

describe('deadline: departments publish by 31 January', () => {
  it('a 局 with 乡 inside its name is a department', () =>
    assert.deepEqual(lateWarnings('示例县住房和城乡建设局', '2025-02-10'), ['发布日期 2025-02-10 晚于县级以上人民政府部门的公布期限（2025-01-31）']));
  it('a 局 with 村 inside its name is a department', () => assert.equal(lateWarnings('示例县农业农村局', '2025-02-10').length, 1));
  it('a 委员会 that is no zone’s is a department', () => assert.equal(lateWarnings('示例市国有资产监督管理委员会', '2025-02-10').length, 1));
  it('a government’s 办公室 is a department', () => assert.equal(lateWarnings('示例县人民政府办公室', '2025-02-10').length, 1));
  it('near miss: a department on 31 January', () => assert.deepEqual(codes(diagnose(report('示例县农业农村局', '2025-01-31'))), []));
});

describe('deadline: governments and zones publish by 31 March', () => {
  it('near miss: a 综合实验区 in March', () => assert.deepEqual(codes(diagnose(report('示例综合实验区', '2025-03-20'))), []));
  it('near miss: a zone’s 管委会 in March', () => assert.deepEqual(codes(diagnose(report('示例经济技术开发区管委会', '2025-03-31'))), []));
  it('near miss: a zone’s 党工委管委会 in March', () => assert.deepEqual(lateWarnings('示例综合实验区党工委管委会', '2025-03-20'), []));
  it('a 新区 after 31 March', () =>
    assert.deepEqual(lateWarnings('示例新区', '2025-04-02'), ['发布日期 2025-04-02 晚于县级以上地方人民政府的公布期限（2025-03-31）']));
  it('near miss: a 高新区管理委员会 in February', () => assert.deepEqual(lateWarnings('示例高新区管理委员会', '2025-02-10'), []));
});

describe('deadline: townships set their own', () => {
  it('near miss: a 街道办事处 in June', () => assert.deepEqual(lateWarnings('示例县某某街道办事处', '2025-06-01'), []));
  it('near miss: a 乡人民政府 in June', () => assert.deepEqual(lateWarnings('示例县某某乡人民政府', '2025-06-01'), []));
  it('near miss: a 镇人民政府’s office in June', () => assert.deepEqual(lateWarnings('示例县某某镇人民政府党政办公室', '2025-06-01'), []));
  it('near miss: a name whose end says nothing of its rank', () => assert.deepEqual(lateWarnings('示例县红十字会', '2025-06-01'), []));
});

describe('deadline: the English message', () => {
  it('names the rule in English', () => {
    const ds = diagnose(report('示例县农业农村局', '2025-02-10'), { locale: 'en' }).filter((d) => d.code === 'date-mismatch');
    assert.deepEqual(
      ds.map((d) => d.message),
      ['The publication date 2025-02-10 is after the deadline for departments (2025-01-31)'],
    );
  });
});

describe('dates: a report whose title is not found', () => {
  const text = report('示例县农业农村局', '2025-01-20');
  const untitled = text.replace(/^.*2024年政府信息公开工作年度报告\n/m, '');
  it('is said once, on the report’s first line, instead of its dates passing unchecked', () => {
    assert.notEqual(untitled, text);
    const found = diagnose(untitled).filter((d) => d.code === 'date-mismatch');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /未找到报告标题/);
    assert.equal(untitled.slice(found[0].span.start, found[0].span.end), '一、总体情况');
  });
  it('near miss: the same report with its title gives no date diagnostic', () => assert.deepEqual(lateWarnings('示例县农业农村局', '2025-01-20'), []));
});
