// The preview and its table view: the reports drawn from the model held here, so the client needs no parser of
// its own, and the edit a cell typed in the table view makes, computed here like a quick fix, applied by the client.
import { message, REPORT_CSS } from '../engine';
import { REQUESTS, type CellEditParams, type CellEditReply, type PreviewReply } from '../protocol';
import { previewHtml, tableCellEdit } from './features';
import type { Session } from './session';

export function registerPreviewRequests(session: Session): void {
  const { connection } = session;

  connection.onRequest(
    REQUESTS.preview,
    session.guard('preview', null, ({ uri }: { uri: string }): PreviewReply | null => {
      const doc = session.checkedDocument(uri);
      // the style comes with the html it is drawn for: the extension holds neither
      return doc ? { version: doc.version, css: REPORT_CSS, ...previewHtml(doc, session.settings.locale) } : null;
    }),
  );

  connection.onRequest(
    REQUESTS.cellEdit,
    session.guard('cellEdit', null, ({ uri, version, cell, text }: CellEditParams): CellEditReply => {
      const doc = session.checkedDocument(uri);
      const edit = doc ? tableCellEdit(doc, version, cell, text) : { refused: 'cell-edit.no-cell' as const };
      if (!('refused' in edit)) return edit;
      return { refused: message(session.settings.locale, edit.refused, { text: String(text).trim() }) };
    }),
  );
}
