// The open documents: kept in step with the editor (open, incremental change, save, close), and their
// diagnostics published, at once or after the pause in typing, for documents checked as reports only. The
// client is told when a text file (.txt, .md) is or stops being checked as a report.
import { forgetMemos } from '../engine';
import { NOTIFICATIONS, REPORT_LANGUAGE, type DocumentKind } from '../protocol';
import { OpenDocument } from './open-document';
import { PublishCache } from './publish';
import type { Session } from './session';

/** characters of a large document parsed per turn in the background, between the messages that come in */
const BACKGROUND_CHARS = 400_000;

export class Publisher {
  private readonly cache = new PublishCache();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** what the client was last told of a text document, by the document opened (a new one starts untold) */
  private readonly toldReport = new WeakMap<OpenDocument, boolean>();
  /** the next turn of the background parsing of a document's rest, by URI (cancelled when the document closes) */
  private readonly parsing = new Map<string, NodeJS.Immediate>();

  constructor(private readonly session: Session) {}

  publish(doc: OpenDocument): void {
    const { connection, settings } = this.session;
    const checked = doc.checked;
    const diagnostics = checked ? this.cache.diagnostics(doc, settings) : [];
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    this.tellKind(doc, checked);
    if (!doc.parsed.complete) this.parseRest(doc);
  }

  /**
   * The rest of a large document opened with its first part parsed: a window at a time between the messages that
   * come in (a request or an edit meanwhile parses the rest itself), then published whole.
   */
  private parseRest(doc: OpenDocument): void {
    if (this.parsing.has(doc.uri)) return;
    const step = this.session.guard('parse', undefined, () => {
      this.parsing.delete(doc.uri);
      if (this.session.documents.get(doc.uri) !== doc) return;
      doc.parsed.parseMore(BACKGROUND_CHARS);
      if (doc.parsed.complete) this.publish(doc);
      else this.parsing.set(doc.uri, setImmediate(step));
    });
    this.parsing.set(doc.uri, setImmediate(step));
  }

  /** A text document that became a report, or stopped being one: the client offers the report language for it. */
  private tellKind(doc: OpenDocument, isReport: boolean): void {
    if (doc.languageId === REPORT_LANGUAGE || (this.toldReport.get(doc) ?? false) === isReport) return;
    this.toldReport.set(doc, isReport);
    const kind: DocumentKind = { uri: doc.uri, isReport };
    void this.session.connection.sendNotification(NOTIFICATIONS.documentKind, kind);
  }

  /** Publishes after the pause in typing (at once when the pause is 0). */
  schedule(doc: OpenDocument): void {
    clearTimeout(this.timers.get(doc.uri));
    const { debounceMs } = this.session.settings;
    if (debounceMs === 0) {
      this.publish(doc);
      return;
    }
    const publishLater = this.session.guard('publish', undefined, () => {
      this.timers.delete(doc.uri);
      // the document may have been closed or changed since; publish what is there now
      const current = this.session.documents.get(doc.uri);
      if (current) this.publish(current);
    });
    this.timers.set(doc.uri, setTimeout(publishLater, debounceMs));
  }

  /**
   * Checks the document again under the settings and the workspace's reports as they are now, and publishes, when
   * they change its problems; whether they did.
   */
  recheck(doc: OpenDocument): boolean {
    if (!doc.parsed.reconfigure(this.session.settings.engine, this.session.lastYear(doc.uri))) return false;
    this.publish(doc);
    return true;
  }

  /** The document was closed: nothing is published for it later, and what was is taken back. */
  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    // a closed document is let go at once, not at the background parsing's next turn
    clearImmediate(this.parsing.get(uri));
    this.parsing.delete(uri);
    void this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

/** A document that opens with, or has just been given, exactly an imported text gets that import's origins. */
function takeOrigins(session: Session, doc: OpenDocument): void {
  doc.origins ??= session.imports.take(doc.parsed.chunks.length, () => doc.text);
}

export function registerDocumentSync(session: Session, publisher: Publisher): void {
  const { connection, documents } = session;

  connection.onDidOpenTextDocument(
    session.guard('open', undefined, ({ textDocument: t }) => {
      const { engine } = session.settings;
      const doc = new OpenDocument(t.uri, t.languageId, t.version, t.text, engine, session.lastYear(t.uri));
      documents.set(t.uri, doc);
      takeOrigins(session, doc);
      publisher.publish(doc);
    }),
  );

  connection.onDidChangeTextDocument(
    session.guard('change', undefined, ({ textDocument: t, contentChanges }) => {
      const doc = documents.get(t.uri);
      if (!doc) return session.log(`change for ${t.uri}, which is not open: ignored`);
      doc.applyChanges(contentChanges, t.version);
      takeOrigins(session, doc);
      if (session.settings.run === 'onType') publisher.schedule(doc);
    }),
  );

  connection.onDidSaveTextDocument(
    session.guard('save', undefined, ({ textDocument: t }) => {
      const doc = documents.get(t.uri);
      if (doc) publisher.publish(doc);
    }),
  );

  connection.onDidCloseTextDocument(
    session.guard('close', undefined, ({ textDocument: t }) => {
      const doc = documents.get(t.uri);
      documents.delete(t.uri);
      publisher.close(t.uri);
      if (documents.size === 0) forgetMemos();
      // an imported document saved under a name (untitled → .xxgk) is closed and opened again as the file, in
      // either order: the file that holds the same text keeps the origins
      if (doc?.origins) {
        session.imports.add(doc.text, doc.origins.spans);
        for (const other of documents.values()) takeOrigins(session, other);
      }
    }),
  );
}
