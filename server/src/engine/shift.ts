// Moving a parsed report or a diagnostic by a number of characters, for reports an edit did not touch.
import { Finding, shiftFix, shiftSpan, type Diagnostic } from './diagnostic';
import { ReportSource, Table, type Report, type Span } from './model';

export function shiftDiagnostic(d: Diagnostic, delta: number): Diagnostic {
  if (delta === 0) return d;
  if (d instanceof Finding) return d.shifted(delta);
  return {
    ...d,
    span: shiftSpan(d.span, delta),
    ...(d.fix && { fix: shiftFix(d.fix, delta) }),
    ...(d.related && { related: shiftSpan(d.related, delta) }),
  };
}

const isSpan = (v: object): v is Span =>
  Object.keys(v).length === 2 && typeof (v as Span).start === 'number' && typeof (v as Span).end === 'number';

/** A copy of the value with every span moved; templates are shared data without spans and are kept as they are. */
function shiftDeep<T>(value: T, delta: number): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => shiftDeep(v, delta)) as T;
  if (value instanceof Table) return value.shifted(delta) as T;
  // a report's source reads the text in the offsets of the report it is asked about
  if (value instanceof ReportSource) return value;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, shiftDeep(v, delta)])) as T;
  if (isSpan(value)) return shiftSpan(value, delta) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) copy[key] = key === 'template' ? v : shiftDeep(v, delta);
  return copy as T;
}

export function shiftReport(report: Report, delta: number): Report {
  return delta === 0 ? report : shiftDeep(report, delta);
}
