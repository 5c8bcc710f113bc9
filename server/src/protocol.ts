// What the extension and the language server say to each other beyond standard LSP: the commands the
// server executes and its own requests. Shared so the two sides cannot drift apart.
export const SERVER_COMMANDS = { fixAll: 'xxgk.server.fixAll', checkWorkspace: 'xxgk.server.checkWorkspace' } as const;

export const REQUESTS = {
  /** { uri } → { version, html, reports, shown } | null: the preview drawn from the server's model */
  preview: 'xxgk/preview',
  /** {} → { documents, reports, heapUsed, rss }: for benchmarks and bug reports */
  stats: 'xxgk/stats',
} as const;
