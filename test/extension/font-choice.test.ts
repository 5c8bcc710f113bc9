// Whose font a report is shown in: the user's own, set for every language, is said to be overridden by the report
// language's default only where the user set none for reports themselves; the narrowest scope is the one in force.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overriddenFont } from '../../client/src/font-choice';

describe('the font reports are shown in', () => {
  it('says nothing when the user set no font, or one for reports', () => {
    assert.equal(overriddenFont(undefined), null);
    assert.equal(overriddenFont({}), null);
    assert.equal(overriddenFont({ globalValue: 'Consolas', globalLanguageValue: 'NSimSun' }), null);
    assert.equal(overriddenFont({ workspaceValue: 'Consolas', workspaceFolderLanguageValue: 'NSimSun' }), null);
  });
  it('names the font the user set for every language, from the narrowest scope it was set in', () => {
    assert.deepEqual(overriddenFont({ globalValue: 'Consolas' }), { font: 'Consolas', scope: 'global' });
    assert.deepEqual(overriddenFont({ globalValue: 'Consolas', workspaceValue: 'Menlo' }), { font: 'Menlo', scope: 'workspace' });
    assert.deepEqual(overriddenFont({ globalValue: 'Consolas', workspaceValue: 'Menlo', workspaceFolderValue: "'Fira Code'" }), { font: "'Fira Code'", scope: 'workspaceFolder' });
  });
});
