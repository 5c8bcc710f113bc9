// Hover text for a number or a row label: where it is in official words, the rules it takes part in, and
// the value a rule gives it.
import { columnName, formatNumber, rowName } from '../checks/context';
import { determinedValues, knownValue, refKey, rulesOf } from '../rules/evaluate';
import { message, type Locale } from '../messages/catalog';
import type { Report, Span, Table } from '../model';
import type { CellRef, RuleTemplate } from '../template/types';
import { locate } from './locate';

export interface Explanation {
  readonly span: Span;
  /** markdown paragraphs */
  readonly lines: readonly string[];
}

const MAX_TERMS = 4;

/**
 * A rule in words. A rule within one row names its cells by column, one within a column by row, and says
 * which row or column first; any other names each cell by row·column.
 */
function ruleText(table: Table, rule: RuleTemplate): string {
  const all = [...rule.parts, ...rule.totals];
  const sameRow = all.every((r) => r.row === all[0].row);
  const sameCol = all.every((r) => r.col === all[0].col);
  const name = (ref: CellRef): string =>
    sameRow ? columnName(table, ref) : sameCol ? rowName(table, ref.row) : `${rowName(table, ref.row)}·${columnName(table, ref)}`;
  const side = (refs: readonly CellRef[]): string => {
    const names = refs.map(name);
    return names.length > MAX_TERMS ? `${names[0]} + ${names[1]} + … + ${names[names.length - 1]}（${names.length}）` : names.join(' + ');
  };
  const scope = sameRow ? `${rowName(table, all[0].row)}: ` : sameCol ? `${columnName(table, all[0])}: ` : '';
  return `${scope}${side(rule.totals)} = ${side(rule.parts)}`;
}

/** The value the rule gives `ref` from the other cells, or null when one of them is unknown. */
function valueByRule(table: Table, rule: RuleTemplate, ref: CellRef): number | null {
  const key = refKey(ref);
  let sum = 0;
  let sign = 0;
  for (const [refs, s] of [[rule.parts, 1], [rule.totals, -1]] as const) {
    for (const r of refs) {
      if (refKey(r) === key) {
        sign = s;
        continue;
      }
      const v = knownValue(table, r);
      if (v === null) return null;
      sum += v * s;
    }
  }
  return sign === 0 ? null : -sum / sign;
}

export function explainAt(report: Report, offset: number, locale: Locale): Explanation | null {
  const at = locate(report, offset);
  if (!at) return null;
  const table = at.table;
  const tableName = message(locale, 'table', { id: table.id });
  if (at.kind === 'label') {
    return { span: at.row.labelSpan, lines: [message(locale, 'hover.row', { table: tableName, row: at.row.template.name || at.row.template.label, label: at.row.template.label })] };
  }
  const ref = { row: at.row, col: at.col };
  const lines = [message(locale, 'hover.cell', { table: tableName, row: rowName(table, at.row), column: columnName(table, ref) })];
  if (at.cell.state !== 'value') {
    const determined = determinedValues(table).get(refKey(ref));
    lines.push(determined === undefined ? message(locale, 'hover.blank') : message(locale, 'hover.determined', { value: formatNumber(determined) }));
  }
  for (const rule of rulesOf(table)) {
    if (![...rule.parts, ...rule.totals].some((r) => refKey(r) === refKey(ref))) continue;
    const expected = valueByRule(table, rule, ref);
    const verdict =
      expected === null || at.cell.value === null
        ? ''
        : Math.abs(expected - at.cell.value) < 1e-9
          ? message(locale, 'hover.rule-holds')
          : message(locale, 'hover.rule-expected', { value: formatNumber(expected) });
    lines.push(`${message(locale, 'hover.rule', { rule: ruleText(table, rule) })}${verdict}`);
  }
  return { span: at.cell.span, lines };
}
