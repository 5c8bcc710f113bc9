// The preview and its table view: the reports drawn from the model held here, so the client needs no parser of
// its own, and the edit a cell typed in the table view makes, computed here like a quick fix, applied by the client.
import { message } from '../engine';
import { REQUESTS } from '../protocol';
import { previewHtml, tableCellEdit } from './features';
import type { Session } from './session';

export function registerPreviewRequests(session: Session): void {
  const { connection } = session;

  connection.onRequest(
    REQUESTS.preview,
    session.guard('preview', null, ({ uri }: { uri: string }) => {
      const doc = session.checkedDocument(uri);
      return doc ? { version: doc.version, ...previewHtml(doc, session.settings.locale) } : null;
    }),
  );

  connection.onRequest(
    REQUESTS.cellEdit,
    session.guard('cellEdit', null, ({ uri, version, cell, text }: { uri: string; version: number; cell: string; text: string }) => {
      const doc = session.checkedDocument(uri);
      const edit = doc ? tableCellEdit(doc, version, cell, text) : { refused: 'cell-edit.no-cell' as const };
      return 'refused' in edit ? { refused: message(session.settings.locale, edit.refused, { text: String(text).trim() }) } : edit;
    }),
  );
}
