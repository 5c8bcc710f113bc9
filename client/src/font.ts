// The font reports are shown in. Format Document aligns a table's cells by display width, an ideograph two
// columns; on screen they line up only in a font whose ideographs are exactly two digits (or spaces) wide. VS
// Code's own fonts are not: in Consolas, Menlo or Droid Sans Mono a digit is 0.55 to 0.6 em and an ideograph,
// drawn by a CJK font, 1 em, so each ideograph of a label pulls the row's cells 0.1 to 0.2 em left. So the
// report language's default editor.fontFamily (package.json) leads with fonts whose Latin half is 0.5 em:
// - Sarasa Term SC, Sarasa Mono SC (installed by hand), WenQuanYi Zen Hei Mono (Debian's fonts-wqy-zenhei):
//   their curly quotes are narrow, as VS Code counts them when it lays out a tab, so every row lines up;
// - Noto Sans Mono CJK SC (fonts-noto-cjk): its quotes are wide, so a label with “” stands two columns out;
// - NSimSun / 新宋体 (Chinese Windows);
// then VS Code's own, where none is installed (macOS has none built in). Not WenQuanYi Micro Hei Mono: its
// digits are 0.6 em.
//
// That default outranks a font the user set for every language (font-choice.ts): such a user is asked once
// whether reports keep the aligned font or get their own, written for the report language.
import * as vscode from 'vscode';
import { REPORT_LANGUAGE } from '../../server/src/protocol';
import { overriddenFont, type SettingsScope } from './font-choice';

const ASKED = 'fontOffered';
const TARGETS: Record<SettingsScope, vscode.ConfigurationTarget> = {
  global: vscode.ConfigurationTarget.Global,
  workspace: vscode.ConfigurationTarget.Workspace,
  workspaceFolder: vscode.ConfigurationTarget.WorkspaceFolder,
};

/** Asks, the first time a report is shown while the user's own font is overridden, which font reports get. */
export function offerOwnFont(context: vscode.ExtensionContext): vscode.Disposable {
  const consider = (editor: vscode.TextEditor | undefined): void => {
    if (editor?.document.languageId === REPORT_LANGUAGE && !context.globalState.get(ASKED)) void ask(context, editor.document);
  };
  consider(vscode.window.activeTextEditor);
  return vscode.window.onDidChangeActiveTextEditor(consider);
}

async function ask(context: vscode.ExtensionContext, document: vscode.TextDocument): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('editor', document);
  const overridden = overriddenFont(configuration.inspect<string>('fontFamily'));
  if (!overridden) return;
  void context.globalState.update(ASKED, true);
  const mine = vscode.l10n.t('Use my font');
  const text = vscode.l10n.t('Reports are shown in a font in which a Chinese character is exactly two digits wide, so that formatted tables line up; your font ({0}) is not used for them.', overridden.font);
  const chosen = await vscode.window.showInformationMessage(text, mine, vscode.l10n.t('Keep the aligned font'));
  if (chosen === mine) await configuration.update('fontFamily', overridden.font, TARGETS[overridden.scope], true);
}
