// "Open Preview to the Side": the report's tables drawn as the official form, from the model the server
// holds (request xxgk/preview), wrong cells marked, live as the user types; a click reveals the line.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_CSS } from '../../server/src/engine/features/html';
import { REQUESTS } from '../../server/src/protocol';

const UPDATE_DELAY_MS = 250;

interface PreviewReply {
  version: number;
  html: string;
  reports: number;
  shown: number;
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
}

function page(title: string): string {
  const n = nonce();
  // strict: nothing remote, no inline handlers; only this page's own style and script
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}';">
<title>${title}</title><style nonce="${n}">${REPORT_CSS}
.note { opacity: .7; font-style: italic; }
body.vscode-high-contrast td.cell.error { outline-width: 3px; }
</style></head><body><div id="root"></div>
<script nonce="${n}">
const vscode = acquireVsCodeApi();
const root = document.getElementById('root');
window.addEventListener('message', (event) => { if (event.data.type === 'update') root.innerHTML = event.data.html; });
document.addEventListener('click', (event) => {
  const target = event.target.closest('[data-line]');
  if (target) vscode.postMessage({ type: 'reveal', line: Number(target.dataset.line) });
});
vscode.postMessage({ type: 'ready' });
</script></body></html>`;
}

export function openPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const document = editor.document;
  const panel = vscode.window.createWebviewPanel(
    'xxgk.preview',
    vscode.l10n.t('Preview {0}', document.fileName.split(/[\\/]/).pop() ?? ''),
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false },
  );
  panel.webview.html = page('xxgk preview');
  let timer: NodeJS.Timeout | undefined;
  const update = async (): Promise<void> => {
    const reply = await client.sendRequest<PreviewReply | null>(REQUESTS.preview, { uri: document.uri.toString() });
    if (!reply) return;
    const note = reply.shown < reply.reports ? `<p class="note">${vscode.l10n.t('Showing the first {0} of {1} reports.', reply.shown, reply.reports)}</p>` : '';
    await panel.webview.postMessage({ type: 'update', html: note + reply.html });
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), UPDATE_DELAY_MS);
  };
  const subscriptions = [
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document) schedule();
    }),
    panel.webview.onDidReceiveMessage(async (message: { type: string; line?: number }) => {
      if (message.type === 'ready') return update();
      if (message.type !== 'reveal' || message.line === undefined) return;
      const target = vscode.window.visibleTextEditors.find((e) => e.document === document) ?? (await vscode.window.showTextDocument(document, vscode.ViewColumn.One));
      const position = new vscode.Position(message.line, 0);
      target.selection = new vscode.Selection(position, position);
      target.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
      await vscode.window.showTextDocument(target.document, target.viewColumn);
    }),
  ];
  panel.onDidDispose(() => {
    clearTimeout(timer);
    subscriptions.forEach((s) => s.dispose());
  });
  context.subscriptions.push(panel);
}
