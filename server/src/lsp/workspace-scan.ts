// The reports of the workspace's files: read in the background once the client is initialized (an open report's
// last year may be among them), read again when a file changes on disk, and all checked on "check all reports in
// the workspace", which publishes the files that are not open too, the published formats (web pages, Word, Excel,
// PDF) among them.
import { FileChangeType, type Diagnostic as LspDiagnostic, type FileEvent } from 'vscode-languageserver/node';
import { agencyYearKey, LineIndex, message, type Diagnostic, type Locale, type Report, type Span } from '../engine';
import { originAt, originSuffix } from '../import';
import { toLsp, toLspPublished } from './convert';
import type { Publisher } from './documents';
import type { Session } from './session';
import {
  BUDGET,
  checkWorkspaceFile,
  comparableReports,
  rereadReports,
  rereadWorkspaceFile,
  scanWorkspace,
  uriKey,
  workspaceChecked,
  workspaceIndex,
  yieldToRequests,
  type ScanResult,
  type WorkspaceChecked,
  type WorkspaceFile,
} from './workspace';

/** What is published for a workspace file that is not open: for a published format, each problem with its place in the file. */
function fileDiagnostics(file: WorkspaceFile, diagnostics: readonly Diagnostic[], locale: Locale): LspDiagnostic[] {
  const lines = new LineIndex(file.text);
  const { origins } = file;
  if (origins) {
    return diagnostics.map((d) => {
      const origin = originAt({ origins }, d.span);
      return toLspPublished(d, origin ? originSuffix(locale, origin) : message(locale, 'workspace.imported-line', { line: lines.positionAt(d.span.start).line + 1 }));
    });
  }
  const positions = {
    uri: file.uri,
    range: (span: Span) => lines.range(span.start, span.end),
  };
  return diagnostics.map((d) => toLsp(positions, d));
}

export class WorkspaceScan {
  /** "check all reports in the workspace" has published files that are not open, which new settings must reach too */
  published = false;

  constructor(
    private readonly session: Session,
    private readonly publisher: Publisher,
  ) {}

  /** The first reading; requests are answered meanwhile, and reports saved during it are in the map already. */
  async read(): Promise<void> {
    await this.scanInto(this.session.workspaceReports);
  }

  /** Report files saved, added or deleted on disk: open reports whose last year one of them holds are checked again. */
  filesChanged(changes: readonly FileEvent[]): void {
    void this.reread(changes).catch((e) => this.session.error(`watched files failed: ${(e as Error).stack ?? e}`));
  }

  /** Checks every report file of the workspace, within the budget, publishing what is found in files not open. */
  async check(): Promise<WorkspaceChecked> {
    const { session } = this;
    this.published = true;
    const fresh = new Map<string, Report[]>();
    // a text file is read again when checked, not held; a published one is held as imported (importing is slow)
    const read: { path: string; key: string; imported?: WorkspaceFile }[] = [];
    const scan = await this.scanInto(fresh, (file) => read.push({ path: file.path, key: uriKey(file.uri), ...(file.origins && { imported: file }) }), true);
    session.workspaceReports = fresh;
    const index = workspaceIndex(fresh);
    const openByKey = new Map([...session.documents.values()].map((d) => [uriKey(d.uri), d]));
    let stopped = scan.stopped;
    let reports = 0;
    let problems = 0;
    let undecodable = 0;
    for (const { path, key, imported } of read) {
      if (problems >= BUDGET.problems) {
        stopped = 'problems';
        break;
      }
      const open = openByKey.get(key);
      if (open) {
        reports++;
        problems += open.parsed.diagnostics().length;
        continue;
      }
      const file = imported ?? (await rereadWorkspaceFile(path));
      if (file?.replaced) {
        undecodable++;
        session.log(`workspace: ${file.replaced} undecodable byte sequence(s) replaced with U+FFFD: ${path}`);
      }
      const result = file && checkWorkspaceFile(file, session.settings.engine, index);
      if (file && result) {
        reports++;
        problems += result.diagnostics.length;
        void session.connection.sendDiagnostics({ uri: file.uri, diagnostics: fileDiagnostics(file, result.diagnostics, session.settings.locale) });
      }
      await yieldToRequests();
    }
    const counts = { files: read.length, reports, problems, skipped: scan.skipped.length, undecodable, stopped };
    return workspaceChecked(session.settings.locale, counts);
  }

  private async reread(changes: readonly FileEvent[]): Promise<void> {
    const changedKeys = new Set<string>();
    for (const change of changes) {
      const key = uriKey(change.uri);
      const after = change.type === FileChangeType.Deleted ? [] : await rereadReports(change.uri);
      // read after the wait: "check workspace" may have put a fresh map in its place meanwhile
      const { workspaceReports } = this.session;
      const before = workspaceReports.get(key) ?? [];
      if (after.length) workspaceReports.set(key, after);
      else workspaceReports.delete(key);
      for (const r of [...before, ...after]) changedKeys.add(agencyYearKey(r) ?? '');
    }
    for (const doc of this.session.documents.values()) {
      const affected = doc.parsed.reports.some((e) => e.previousKey !== null && changedKeys.has(e.previousKey));
      if (affected) this.publisher.recheck(doc);
    }
  }

  /**
   * Scans the workspace into `into` (the reports of each file by uriKey), saying in the log what it passed over;
   * with `published`, the published formats too.
   */
  private async scanInto(into: Map<string, Report[]>, also?: (file: WorkspaceFile) => void, published = false): Promise<ScanResult> {
    const scan = await scanWorkspace(
      this.session.folders,
      (file) => {
        const reports = comparableReports(file.text);
        if (reports.length) into.set(uriKey(file.uri), reports);
        else into.delete(uriKey(file.uri));
        also?.(file);
      },
      published,
    );
    for (const skipped of scan.skipped) this.session.log(`workspace: not read: ${skipped}`);
    if (scan.stopped) this.session.log(`workspace: stopped at the ${scan.stopped} budget after ${scan.files} files`);
    return scan;
  }
}
