// What the language server holds between two messages, in one place: the open documents, what the client can
// do, the settings in force, the reports of the workspace's files and the imports waiting for their document. The handlers read and change it here.
import type { Connection } from 'vscode-languageserver/node';
import type { Report } from '../engine';
import type { OpenDocument } from './open-document';
import { WaitingImports } from './origins';
import { debounceFromEnv, resolveSettings, type Settings } from './settings';
import { otherReports } from './workspace';

export class Session {
  readonly documents = new Map<string, OpenDocument>();
  /** the workspace folders, as absolute paths */
  folders: string[] = [];
  /** the client takes versioned edits (documentChanges): edits made for an older version are refused */
  versionedEdits = false;
  settings: Settings = resolveSettings({}, {}, debounceFromEnv());
  /** the reports of each workspace file, by uriKey: an open report's last year may be among them */
  workspaceReports = new Map<string, Report[]>();
  /** imported texts whose document has not opened yet, and where their cells came from */
  readonly imports = new WaitingImports();

  constructor(readonly connection: Connection) {}

  log(text: string): void {
    this.connection.console.log(text);
  }

  /** `text` failed: said in the log, never thrown to the client. */
  error(text: string): void {
    this.connection.console.error(text);
  }

  /** Every handler runs guarded: the server logs a failure and answers `fallback`, it never throws to the client. */
  guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R): (...args: A) => R {
    return (...args: A): R => {
      try {
        return fn(...args);
      } catch (e) {
        this.error(`${name} failed: ${(e as Error).stack ?? e}`);
        return fallback;
      }
    };
  }

  /** An open document that is checked (editor features stay off in text files that are not reports). */
  checkedDocument(uri: string): OpenDocument | undefined {
    const doc = this.documents.get(uri);
    return doc?.checked ? doc : undefined;
  }

  /** Reports of the workspace's other files: what the document at `uri` is compared with for carryover. */
  lastYear(uri: string): Report[] {
    return otherReports(this.workspaceReports, uri);
  }
}
