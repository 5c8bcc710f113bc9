// blank-cell and invalid-number. A blank is unknown, not 0: its fix writes the value the table's rules
// determine, or 0 as an explicit choice.
import type { Cell, Row, Table } from '../model';
import type { ValueKind } from '../template/types';
import { columnName, numberFor, rowName, tableName } from './context';
import { determinedValues, refKey } from '../rules/evaluate';
import { defineCheck, type CheckContext } from './define';
import { isMoneyUnit, trailingUnit } from '../parse/tokens';

const SIGNED_INTEGER = /^[+\-−]?\d+$/;

/** A number the column accepts: a decimal for an amount (万元), else a whole number. */
const accepts = (value: number, kind: ValueKind): boolean => kind === 'amount' || Number.isInteger(value);

function validFor(kind: ValueKind, cell: Cell): boolean {
  if (cell.state === 'value') return accepts(cell.value!, kind);
  return cell.state === 'invalid' && kind === 'change' && SIGNED_INTEGER.test(cell.raw.normalize('NFKC'));
}

/** a row written between pipes (a markdown table): its rewrite keeps them */
const PIPED_ZONE = /^[^\S\n\r]*\|/;

function rowText(ctx: CheckContext, row: Row, values: string[]): string {
  const eol = ctx.eol;
  if (PIPED_ZONE.test(ctx.text.slice(row.valueZone.start, row.valueZone.end))) return ` | ${values.join(' | ')} |`;
  switch (row.layout) {
    case 'tabs':
      return `\t${values.join('\t')}`;
    case 'inline':
      return ` ${values.join(' ')}`;
    case 'spaced-lines':
      return `${eol}${eol}${values.join(eol + eol)}${eol}`;
    case 'lines':
      return `${eol}${values.join(eol)}${eol}`;
  }
}

/**
 * What a blank cell's fix writes: the value, inside the blank's own padding where it has some on both sides (`|    |`
 * between pipes becomes `| 21 |`, not `|21|`, like the cells beside it).
 */
function padded(blank: string, value: string): string {
  return blank.length >= 2 && /^\s+$/.test(blank) ? `${blank[0]}${value}${blank[blank.length - 1]}` : value;
}

function checkRow(ctx: CheckContext, table: Table, row: Row, determined: () => Map<string, number>): void {
  const key = row.template.key;
  if (row.cells?.every((c, col) => c.state !== 'blank' && validFor(row.template.columns[col].kind, c))) return;
  // each message's parameters made whole (a spread of shared ones costs more than the message, thousands a compilation)
  const name = tableName(ctx, table.id);
  const label = rowName(table, key) || table.template.title;
  const fillFor = (col: number): { value: string; determined: boolean } => {
    const v = determined().get(refKey({ row: key, col }));
    return { value: numberFor(table, v ?? 0), determined: v !== undefined };
  };
  if (!row.cells) {
    const params = { table: name, row: label, expected: row.template.columns.length, found: row.valuesFound };
    const span = row.labelText ? row.labelSpan : row.valueZone;
    // some values are there but not which cells they belong to: any rewrite of the row could overwrite them
    if (row.valuesFound > 0) {
      ctx.emit('blank-cell', span, ctx.msg('blank-row', params));
      return;
    }
    ctx.emit('blank-cell', span, ctx.msg('blank-row.empty', params), () => {
      const fills = row.template.columns.map((_, col) => fillFor(col));
      const values = fills.map((f) => f.value);
      const isDetermined = fills.every((f) => f.determined);
      return {
        title: ctx.msg('fix.fill-row', { values: values.join(' '), determined: isDetermined ? 1 : 0 }),
        edits: [{ span: row.valueZone, newText: rowText(ctx, row, values) }],
        preferred: isDetermined,
      };
    });
    return;
  }
  const cells = row.cells;
  // a run of adjacent blank cells is one diagnostic (a blank 法人 column would otherwise be five squiggles a row)
  for (let col = 0; col < cells.length; col++) {
    const cell = cells[col];
    if (cell.state !== 'blank') {
      const template = row.template.columns[col];
      if (!validFor(template.kind, cell)) {
        const column = columnName(table, { row: key, col });
        const params = { table: name, row: label, column, raw: cell.raw, kind: ctx.msg(`kind.${template.kind}`) };
        // a number with a unit that is not the column's (`44元` where the column counts 万元): said so
        const unit = cell.state === 'invalid' ? trailingUnit(cell.raw) : null;
        const expects = template.kind !== 'amount' ? 'count' : template.label.includes('万元') ? 'wan' : 'amount';
        if ((unit !== null && isMoneyUnit(unit) !== (template.kind === 'amount')) || (unit === '元' && expects === 'wan')) {
          ctx.emit('invalid-number', cell.span, ctx.msg('invalid-number.unit', { ...params, expects }));
        } else ctx.emit('invalid-number', cell.span, ctx.msg('invalid-number', params));
      }
      continue;
    }
    let last = col;
    while (last + 1 < cells.length && cells[last + 1].state === 'blank' && !cells[last + 1].marker && !cell.marker) last++;
    const run = cells.slice(col, last + 1);
    const first = col;
    const columns = run.map((_, k) => columnName(table, { row: key, col: first + k })).join('、');
    const params = { table: name, row: label, column: columns, marker: cell.marker ?? '' };
    ctx.emit('blank-cell', { start: run[0].span.start, end: run[run.length - 1].span.end }, ctx.msg(cell.marker ? 'blank-cell.marker' : 'blank-cell', params), () => {
      const fills = run.map((_, k) => fillFor(first + k));
      const allDetermined = fills.every((f) => f.determined);
      return {
        title: ctx.msg('fix.fill', { value: fills.map((f) => f.value).join('、'), determined: allDetermined ? 1 : 0 }),
        edits: run.map((c, k) => ({ span: c.span, newText: padded(ctx.text.slice(c.span.start, c.span.end), fills[k].value) })),
        preferred: allDetermined,
      };
    });
    col = last;
  }
}

const checkCells = (ctx: CheckContext): void => {
  for (const table of Object.values(ctx.report.tables)) {
    // what the rules force on blank cells, worked out only for a table that has one
    let determined: Map<string, number> | undefined;
    const lazily = (): Map<string, number> => (determined ??= determinedValues(table));
    for (const row of table.rowsFailing(accepts)) checkRow(ctx, table, row, lazily);
    // values beyond a row's cells are read into no cell: said once a row, not left out silently
    for (let k = 0; k < table.extras.length; ) {
      const { row } = table.extras[k];
      let last = k;
      while (last + 1 < table.extras.length && table.extras[last + 1].row === row) last++;
      const run = table.extras.slice(k, last + 1);
      const cells = (table.template.rows.find((r) => r.key === row) ?? table.template.rows[0]).columns.length;
      const span = { start: run[0].cell.span.start, end: run[run.length - 1].cell.span.end };
      const params = { table: tableName(ctx, table.id), row: rowName(table, row) || table.template.title, raw: run.map((e) => e.cell.raw).join(' '), count: run.length, cells };
      ctx.emit('invalid-number', span, ctx.msg('invalid-number.extra', params));
      k = last + 1;
    }
  }
};

export const cellsCheck = defineCheck({
  about: { zh: '空白单元格（空白不等于 0）、不是数字的内容', en: 'blank cells (blank is not 0) and cells that are no number' },
  codes: {
    'blank-cell': { severity: 'error', fix: 'safe', name: { zh: '空白单元格', en: 'Blank cell' } },
    'invalid-number': { severity: 'error', fix: 'none', name: { zh: '不是有效数字', en: 'Invalid number' } },
  },
  messages: {
    'blank-cell': {
      zh: (p) => `${p.table}“${p.row}”行“${p.column}”为空（空白不等于 0）`,
      en: (p) => `${p.table}, row “${p.row}”, column “${p.column}” is blank (a blank is not 0)`,
    },
    'blank-cell.marker': {
      zh: (p) => `${p.table}“${p.row}”行“${p.column}”填的是“${p.marker}”，不是数字（空白不等于 0）`,
      en: (p) => `${p.table}, row “${p.row}”, column “${p.column}” holds “${p.marker}”, not a number (a blank is not 0)`,
    },
    'blank-row': {
      zh: (p) => `${p.table}“${p.row}”行应有 ${p.expected} 个数值，只找到 ${p.found} 个；无法确定缺的是哪几格，请核对本行`,
      en: (p) => `${p.table}, row “${p.row}” should have ${p.expected} values but has ${p.found}; which of them are missing cannot be told: check the row`,
    },
    'blank-row.empty': {
      zh: (p) => `${p.table}“${p.row}”行的 ${p.expected} 个数值都是空白（空白不等于 0）`,
      en: (p) => `${p.table}, row “${p.row}”: all ${p.expected} values are blank (blank is not 0)`,
    },
    'fix.fill': {
      zh: (p) => `填入 ${p.value}${p.determined ? '（由勾稽关系确定）' : ''}`,
      en: (p) => `Fill in ${p.value}${p.determined ? ' (determined by the table’s rules)' : ''}`,
    },
    'fix.fill-row': {
      zh: (p) => `补全本行：${p.values}${p.determined ? '（由勾稽关系确定）' : ''}`,
      en: (p) => `Complete the row: ${p.values}${p.determined ? ' (determined by the table’s rules)' : ''}`,
    },
    'invalid-number': {
      zh: (p) => `${p.table}“${p.row}”行“${p.column}”的“${p.raw}”不是${p.kind}`,
      en: (p) => `${p.table}, row “${p.row}”, column “${p.column}”: “${p.raw}” is not ${p.kind}`,
    },
    'invalid-number.extra': {
      zh: (p) => `${p.table}“${p.row}”行多出 ${p.count} 个数值（${p.raw}）：本行只有 ${p.cells} 格，多出的数值未计入任何一格，请核对本行`,
      en: (p) => `${p.table}, row “${p.row}”: ${p.count} extra value(s) (${p.raw}); the row has ${p.cells} cells, and they are read into none of them: check the row`,
    },
    'invalid-number.unit': {
      zh: (p) => `${p.table}“${p.row}”行“${p.column}”的“${p.raw}”单位与本列不符：本列应填${({ wan: '以“万元”为单位的金额', amount: '金额' } as Record<string, string>)[String(p.expects)] ?? '数量，不是金额'}`,
      en: (p) =>
        `${p.table}, row “${p.row}”, column “${p.column}”: the unit of “${p.raw}” is not the column’s, which takes ${({ wan: 'an amount in 万元 (ten thousand yuan)', amount: 'an amount of money' } as Record<string, string>)[String(p.expects)] ?? 'a count, not an amount of money'}`,
    },
    'kind.count': {
      zh: () => '非负整数',
      en: () => 'a non-negative integer',
    },
    'kind.amount': {
      zh: () => '非负数',
      en: () => 'a non-negative number',
    },
    'kind.change': {
      zh: () => '整数',
      en: () => 'an integer',
    },
  },
  run: checkCells,
});
