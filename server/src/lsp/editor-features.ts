// What the editor asks of a report as it is read: hover, outline, folding, inlay hints, formatting, the
// 表格视图 lenses and the skeleton completion. Each answers from the kept model, in reports only.
import { skeletonCompletions } from './completion';
import { foldingRanges, formatting, hover, inlayHints, symbols, tableLenses } from './features';
import type { Session } from './session';

export function registerEditorFeatures(session: Session): void {
  const { connection } = session;
  const locale = () => session.settings.locale;

  connection.onHover(
    session.guard('hover', null, ({ textDocument, position }) => {
      const doc = session.checkedDocument(textDocument.uri);
      return doc ? hover(doc, doc.offsetAt(position), locale()) : null;
    }),
  );

  connection.onDocumentSymbol(
    session.guard('symbols', [], ({ textDocument }) => {
      const doc = session.checkedDocument(textDocument.uri);
      return doc ? symbols(doc, locale()) : [];
    }),
  );

  connection.onFoldingRanges(
    session.guard('folding', [], ({ textDocument }) => {
      const doc = session.checkedDocument(textDocument.uri);
      return doc ? foldingRanges(doc, locale()) : [];
    }),
  );

  connection.languages.inlayHint.on(
    session.guard('inlayHint', [], ({ textDocument, range }) => {
      const doc = session.checkedDocument(textDocument.uri);
      return doc ? inlayHints(doc, range, session.settings.allTotalHints, locale()) : [];
    }),
  );

  // the skeleton, in a report or in a text file that is still empty
  connection.onCompletion(
    session.guard('completion', [], ({ textDocument }) => {
      const doc = session.documents.get(textDocument.uri);
      return doc && (doc.checked || !doc.text.trim()) ? skeletonCompletions(new Date()) : [];
    }),
  );

  connection.onDocumentFormatting(
    session.guard('formatting', [], ({ textDocument, options }) => {
      const doc = session.checkedDocument(textDocument.uri);
      if (!doc) return [];
      // a format that changes nothing, or leaves rows as they are, says why
      const { edits, notice } = formatting(doc, options.tabSize, locale());
      if (notice?.warning) void connection.window.showWarningMessage(notice.message);
      else if (notice) void connection.window.showInformationMessage(notice.message);
      return edits;
    }),
  );

  connection.onCodeLens(
    session.guard('codeLens', [], ({ textDocument }) => {
      const doc = session.checkedDocument(textDocument.uri);
      return doc ? tableLenses(doc, locale()) : [];
    }),
  );
}
