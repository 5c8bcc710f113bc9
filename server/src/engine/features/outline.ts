// The report's structure for an outline, breadcrumbs and folding: report → sections → tables.
import { message, type Locale } from '../messages/catalog';
import type { Report, Span } from '../model';

export interface OutlineNode {
  readonly kind: 'report' | 'section' | 'table';
  readonly name: string;
  readonly detail: string;
  readonly span: Span;
  /** the part to highlight and reveal: the title, the heading line */
  readonly selection: Span;
  readonly children: readonly OutlineNode[];
}

export function outline(report: Report, locale: Locale): OutlineNode {
  const sections = report.sections.map((section): OutlineNode => {
    const span = { start: section.headingSpan.start, end: section.body.end };
    const tables = Object.values(report.tables)
      .filter((t) => t.span.start >= section.body.start && t.span.end <= section.body.end)
      .map((t): OutlineNode => ({ kind: 'table', name: message(locale, 'table', { id: t.id }), detail: t.template.title, span: t.span, selection: t.span, children: [] }));
    return { kind: 'section', name: section.headingText, detail: '', span, selection: section.headingSpan, children: tables };
  });
  const name = report.title || (report.year !== null ? String(report.year) : '—');
  const detail = [report.year ?? '', report.templateId].filter(String).join(' · ');
  return { kind: 'report', name, detail, span: report.span, selection: report.titleSpan ?? report.span, children: sections };
}
