// A .txt or .md file is checked in place when the server reads a report in it, and says so (xxgk/documentKind);
// the user is then offered the report language for that file, once. The extension keeps no parser of its own.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NOTIFICATIONS, REPORT_LANGUAGE, type DocumentKind } from '../../server/src/protocol';

export const TEXT_LANGUAGES = ['plaintext', 'markdown'];

/** The text documents the server last said are reports, by URI. */
const reportTexts = new Set<string>();

export const isReportText = (uri: vscode.Uri): boolean => reportTexts.has(uri.toString());

/** Follows what the server says of open text documents; registered before the client starts, so none is missed. */
export function followDocumentKinds(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable {
  return client.onNotification(NOTIFICATIONS.documentKind, ({ uri, isReport }: DocumentKind) => {
    const key = client.protocol2CodeConverter.asUri(uri).toString();
    if (!isReport) {
      reportTexts.delete(key);
      return;
    }
    reportTexts.add(key);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (document) void offerReportLanguage(context, document);
  });
}

async function offerReportLanguage(context: vscode.ExtensionContext, document: vscode.TextDocument): Promise<void> {
  if (!TEXT_LANGUAGES.includes(document.languageId) || document.uri.scheme !== 'file') return;
  const key = `offered:${document.uri.toString()}`;
  if (context.workspaceState.get(key)) return;
  void context.workspaceState.update(key, true);
  const name = path.basename(document.uri.fsPath);
  const action = vscode.l10n.t('Switch to the report language');
  const text = vscode.l10n.t('{0} looks like a 政府信息公开工作年度报告. It is checked as one.', name);
  const chosen = await vscode.window.showInformationMessage(text, action);
  if (chosen === action) await vscode.languages.setTextDocumentLanguage(document, REPORT_LANGUAGE);
}
