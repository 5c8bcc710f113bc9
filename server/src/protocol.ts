// What the extension and the language server say to each other beyond standard LSP: the commands the
// server executes, its own requests and notifications, and the shapes of their messages. Shared so the two
// sides cannot drift apart; names and types only, so that the extension bundles nothing of the server.
import type { SourceFormat } from './import';

/** The language of report files (.xxgk), as the manifest contributes it; .txt and .md files may hold reports too. */
export const REPORT_LANGUAGE = 'xxgk-report';

/**
 * The published formats the server imports (SPEC §5), as the import command's file picker and the CLI's folder
 * search know them.
 */
export const IMPORT_EXTENSIONS: readonly string[] = ['.html', '.htm', '.shtml', '.mht', '.mhtml', '.docx', '.xlsx', '.pdf'];

export const SERVER_COMMANDS = { fixAll: 'xxgk.server.fixAll', checkWorkspace: 'xxgk.server.checkWorkspace' } as const;

/** Commands the server's CodeLenses name, run by the extension. */
export const CLIENT_COMMANDS = {
  /** [uri, report index, table id]: the preview beside the document, scrolled to that table */
  openTableView: 'xxgk.openTableView',
} as const;

export const REQUESTS = {
  /** { uri } → PreviewReply | null: the preview drawn from the server's model */
  preview: 'xxgk/preview',
  /**
   * { uri, version, cell, text } → { range, newText } | { refused }: the edit writing `text` into the cell the
   * preview keyed `cell` (data-cell), for the document at `version`; refused with the reason to show (CellEditReply)
   */
  cellEdit: 'xxgk/cellEdit',
  /**
   * ImportParams → ImportReply: a published file (web page, Word, Excel, PDF) read by the server and turned into
   * report text, which the extension opens as a new document; the server keeps where each cell came from for the
   * document that opens with exactly that text (hover: 来源)
   */
  importFile: 'xxgk/import',
  /** {} → { documents, reports, heapUsed, rss }: for benchmarks and bug reports */
  stats: 'xxgk/stats',
} as const;

/** What the server sends unasked. */
export const NOTIFICATIONS = {
  /**
   * DocumentKind: an open text file (.txt, .md) is checked as a report, or no longer is; sent when that changes,
   * so that the extension knows a report by the server's parse instead of a title pattern of its own
   */
  documentKind: 'xxgk/documentKind',
} as const;

export interface DocumentKind {
  readonly uri: string;
  readonly isReport: boolean;
}

export interface PreviewReply {
  /** the document version the preview was drawn from */
  readonly version: number;
  readonly html: string;
  /** the style the report's html is drawn for */
  readonly css: string;
  /** reports in the document, and how many of them the html shows */
  readonly reports: number;
  readonly shown: number;
}

interface Position {
  readonly line: number;
  readonly character: number;
}

export interface CellEditParams {
  readonly uri: string;
  readonly version: number;
  readonly cell: string;
  readonly text: string;
}

export type CellEditReply =
  | { readonly range: { readonly start: Position; readonly end: Position }; readonly newText: string }
  | { readonly refused: string };

export interface ImportParams {
  /** a file: URI */
  readonly uri: string;
}

export type ImportReply =
  | {
      readonly text: string;
      /** what to call the document: the report's title, else the file's name, without an extension */
      readonly name: string;
      readonly format: SourceFormat;
      /** what the importer noticed (a page without text, a formula without a value) */
      readonly notes: readonly string[];
    }
  /** why the file cannot be imported, worded for the user */
  | { readonly error: string };
