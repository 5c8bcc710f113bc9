// One part of a folder checked by the worker pool (pool.ts), in a worker thread: its files read
// and parsed, what the run must know of their reports to find each one's partners sent back (agency, year, the
// hashes of the prose), then each file checked against the partners the pool found for its reports. A partner in
// a file another part holds is read and parsed again here: the same bytes give the same report.
import { agencyYearKey, checkWithPartners, previousYearKey, proseShingles, type Partners, type ParsedDocument, type Report } from '../engine';
import type { Encoding } from '../files/decode';
import type { FoundFile } from '../files/find';
import { checkedFile, parsedOf, type CheckDocument, type CheckOptions, type Outcome } from './checked-file';
import { loadFile, type Loaded } from './files';
import type { FileReport } from './format';

/** What the pool reads of a report to find its partners: the keys of its agency and year, this one's and last. */
export interface ReportEntry {
  readonly key: string | null;
  readonly previousKey: string | null;
  readonly agency: string;
  readonly year: number | null;
  /** the shingle hashes of its prose (for the peer search), for a report with an agency and a year */
  readonly hashes: Uint32Array | null;
}

export interface LoadedFile {
  readonly index: number;
  /** why it could not be read, worded for the user (the pool says it once, in the files' order) */
  readonly error?: string;
  readonly reports: readonly ReportEntry[];
}

/** A report of the run: its file's place in the list of files found, and its place in the file. */
export type ReportRef = readonly [file: number, report: number];

export interface FilePlan {
  readonly index: number;
  /** per report of the file, in order */
  readonly partners: readonly { readonly previous?: ReportRef; readonly peer?: ReportRef }[];
}

export interface CheckedFile {
  readonly index: number;
  /** its diagnostics made into output entries (they cross to the main thread as data) */
  readonly report: FileReport;
  readonly outcome: Outcome;
  /** what the check said on stderr */
  readonly told: readonly string[];
}

/** What a worker thread is started with. */
export interface ShardSetup {
  readonly found: readonly FoundFile[];
  readonly encoding: Encoding;
  readonly options: CheckOptions;
}

interface Held {
  readonly loaded: Loaded;
  readonly parsed: ParsedDocument | null;
}

const entryOf = (report: Report): ReportEntry => {
  const key = agencyYearKey(report);
  return { key, previousKey: previousYearKey(report), agency: report.agency, year: report.year, hashes: key === null ? null : proseShingles(report).hashes };
};

export class Shard {
  private readonly held = new Map<number, Held>();

  constructor(private readonly setup: ShardSetup) {}

  private async read(index: number): Promise<Held> {
    const loaded = await loadFile(this.setup.found[index]!, this.setup.encoding, this.setup.options.locale);
    return { loaded, parsed: parsedOf(loaded) };
  }

  /** The files from `from` to `to` (exclusive) read, parsed and kept for the check. */
  async load(from: number, to: number): Promise<LoadedFile[]> {
    const files: LoadedFile[] = [];
    for (let index = from; index < to; index++) {
      const held = await this.read(index);
      this.held.set(index, held);
      files.push({ index, ...(held.loaded.error !== undefined && { error: held.loaded.error }), reports: held.parsed?.reports.map(entryOf) ?? [] });
    }
    return files;
  }

  /** The files planned (all held here) checked, each report with its partners. */
  async check(plans: readonly FilePlan[]): Promise<CheckedFile[]> {
    const others = new Map<number, Held>();
    for (const plan of plans) {
      for (const partners of plan.partners) {
        for (const ref of [partners.previous, partners.peer]) {
          if (ref && !this.held.has(ref[0]) && !others.has(ref[0])) others.set(ref[0], await this.read(ref[0]));
        }
      }
    }
    // a partner's file read again may have changed or gone since (then it is no partner)
    const reportOf = (ref: ReportRef | undefined): Report | undefined => (ref ? (this.held.get(ref[0]) ?? others.get(ref[0]))?.parsed?.reports[ref[1]] : undefined);
    return plans.map((plan) => {
      const { loaded, parsed } = this.held.get(plan.index)!;
      const partners = new Map<Report, Partners>(
        (parsed?.reports ?? []).map((report, i) => [report, { previous: reportOf(plan.partners[i]?.previous), peer: reportOf(plan.partners[i]?.peer) }]),
      );
      const outcome: Outcome = { errors: false, failed: false };
      const told: string[] = [];
      const checkDocument: CheckDocument = (p, options) => checkWithPartners(p, options, (report) => partners.get(report) ?? {});
      const report = checkedFile(loaded, parsed, checkDocument, this.setup.options, outcome, (line) => told.push(line));
      return { index: plan.index, report: { ...report, diagnostics: [...report.diagnostics] }, outcome, told };
    });
  }
}
