// Hover text for a number or a row label: where it is in official words, the rules it takes part in, and
// the value a rule gives it.
import { columnName, formatNumber, rowName } from '../checks/context';
import { determinedValues, forcedValue, outcomesEntered, refKey, testimonies, type Testimony } from '../rules/evaluate';
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

const MAX_NAMED = 4;

/**
 * What a rule says of the cell: holds; the value its arithmetic gives, noting the cells in it that are themselves in
 * question; or, for the balance while item 三 is empty, that it cannot be judged yet.
 */
function verdict(table: Table, t: Testimony, pending: boolean, locale: Locale): string {
  if (t.holds === null) return '';
  if (t.holds) return message(locale, 'hover.rule-holds');
  if (pending && t.rule.code === 'balance-mismatch') return message(locale, 'hover.rule-pending');
  const expected = message(locale, 'hover.rule-expected', { value: formatNumber(t.arithmetic!) });
  if (!t.questioned.length) return expected;
  const names = t.questioned.slice(0, MAX_NAMED).map((r) => `${rowName(table, r.row)}·${columnName(table, r)}`);
  return expected + message(locale, 'hover.rule-questioned', { cells: names.join('、') + (t.questioned.length > MAX_NAMED ? '…' : '') });
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
  const pending = !outcomesEntered(table);
  const said = testimonies(table, ref);
  for (const t of said) lines.push(`${message(locale, 'hover.rule', { rule: ruleText(table, t.rule) })}${verdict(table, t, pending, locale)}`);
  if (at.cell.value !== null) {
    const judged = said.filter((t) => t.holds === false && !(pending && t.rule.code === 'balance-mismatch'));
    const given = [...new Set(judged.map((t) => t.arithmetic!))];
    const forced = forcedValue(table, ref);
    if (given.length > 1) lines.push(message(locale, 'hover.disagree', { values: given.map(formatNumber).join('、') }));
    else if (forced !== null && forced !== at.cell.value) lines.push(message(locale, 'hover.forced', { value: formatNumber(forced) }));
  }
  return { span: at.cell.span, lines };
}
