// The bounded fuzz sample that runs with every test run (the long run is `npm run fuzz`), and the
// regression fixtures that earlier fuzz runs found.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine';
import { runCase } from '../fuzz/cases';

const FIXTURES = join(process.cwd(), 'test/fixtures/fuzz');

describe('fuzzing the seeds', () => {
  it('3,000 mutated seeds: no exception, every range inside, every fix applicable, incremental = fresh', { timeout: 300000 }, () => {
    let bytes = 0;
    for (let caseNo = 0; caseNo < 3000; caseNo++) bytes += runCase(caseNo, 20261122, 10).bytes;
    assert.ok(bytes > 3000 * 1024, 'the cases are of real size');
  });
  it('every regression fixture from earlier runs checks without exception', () => {
    for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const [before] = text.split('\u0000EDIT\u0000');
      assert.doesNotThrow(() => checkText(before), name);
    }
  });
});
