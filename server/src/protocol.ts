// What the extension and the language server say to each other beyond standard LSP: the commands the
// server executes and its own requests. Shared so the two sides cannot drift apart.
export const SERVER_COMMANDS = { fixAll: 'xxgk.server.fixAll', checkWorkspace: 'xxgk.server.checkWorkspace' } as const;

/** Commands the server's CodeLenses name, run by the extension. */
export const CLIENT_COMMANDS = {
  /** [uri, report index, table id]: the preview beside the document, scrolled to that table */
  openTableView: 'xxgk.openTableView',
} as const;

export const REQUESTS = {
  /** { uri } → { version, html, reports, shown } | null: the preview drawn from the server's model */
  preview: 'xxgk/preview',
  /**
   * { uri, version, cell, text } → { range, newText } | { refused }: the edit writing `text` into the cell the
   * preview keyed `cell` (data-cell), for the document at `version`; refused with the reason to show
   */
  cellEdit: 'xxgk/cellEdit',
  /** {} → { documents, reports, heapUsed, rss }: for benchmarks and bug reports */
  stats: 'xxgk/stats',
} as const;
