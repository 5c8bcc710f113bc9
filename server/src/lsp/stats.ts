// For benchmarks and bug reports: what the server holds and what it has cost (a full GC first when node runs
// with --expose-gc).
import { REQUESTS } from '../protocol';
import type { Session } from './session';

export function registerStats(session: Session): void {
  session.connection.onRequest(
    REQUESTS.stats,
    session.guard('stats', null, () => {
      (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      const documents = [...session.documents.values()];
      // read before the reports, which parse what is pending
      const reparses = documents.reduce((n, d) => n + d.parsed.reparses, 0);
      const reports = documents.reduce((n, d) => n + d.parsed.reports.length, 0);
      const cpu = process.cpuUsage();
      const cost = { heapUsed: memory.heapUsed, rss: memory.rss, cpu: cpu.user + cpu.system };
      return { documents: documents.length, reports, reparses, ...cost };
    }),
  );
}
