import { foldText } from '../text/fold';
import type {
  BlockTemplate,
  CellRef,
  ColumnTemplate,
  GroupTemplate,
  ReportTemplate,
  RowTemplate,
  RuleTemplate,
  TableTemplate,
  ValueKind,
} from './types';

const count = (label: string): ColumnTemplate => ({ label, kind: 'count' });
const columnsOf = (...specs: [string, ValueKind][]): ColumnTemplate[] => specs.map(([label, kind]) => ({ label, kind }));

function row(key: string, label: string, columns: readonly ColumnTemplate[], name = label, aliases?: string[]): RowTemplate {
  return { key, label, core: foldText(label).replace(/^[0-9一二三四五六七八九]+/, ''), columns, name, aliases };
}

// ---- Table 二 ----

function table2(
  blocks: { label: string; columns: ColumnTemplate[]; rows: [string, string, string[]?][] }[],
  markerHeaders: string[],
): TableTemplate {
  const rows: RowTemplate[] = [];
  const blockTemplates: BlockTemplate[] = [];
  const headerSet = new Set<string>(['信息内容', ...markerHeaders]);
  for (const block of blocks) {
    headerSet.add(block.label);
    for (const c of block.columns) headerSet.add(c.label);
    blockTemplates.push({ label: block.label, rows: block.rows.map(([key]) => key) });
    for (const [key, label, aliases] of block.rows) rows.push(row(key, label, block.columns, label, aliases));
  }
  return {
    id: '二',
    title: '主动公开政府信息情况',
    rows,
    groups: [],
    headers: [...headerSet],
    unlabelled: false,
    blocks: blockTemplates,
    headerLines: [],
    rules: [],
  };
}

const TABLE2_2021 = table2(
  [
    {
      label: '第二十条第（一）项',
      columns: [count('本年制发件数'), count('本年废止件数'), count('现行有效件数')],
      rows: [
        ['A1', '规章'],
        ['A2', '行政规范性文件', ['规范性文件']],
      ],
    },
    { label: '第二十条第（五）项', columns: [count('本年处理决定数量')], rows: [['E1', '行政许可']] },
    {
      label: '第二十条第（六）项',
      columns: [count('本年处理决定数量')],
      rows: [
        ['F1', '行政处罚'],
        ['F2', '行政强制'],
      ],
    },
    {
      label: '第二十条第（八）项',
      columns: columnsOf(['本年收费金额（单位：万元）', 'amount']),
      rows: [['H1', '行政事业性收费']],
    },
  ],
  [],
);

const PROJECTS_2019 = columnsOf(['上一年项目数量', 'count'], ['本年增/减', 'change'], ['处理决定数量', 'count']);
const TABLE2_2019 = table2(
  [
    {
      label: '第二十条第（一）项',
      columns: [count('本年新制作数量'), count('本年新公开数量'), count('对外公开总数量')],
      rows: [
        ['A1', '规章'],
        ['A2', '规范性文件'],
      ],
    },
    {
      label: '第二十条第（五）项',
      columns: PROJECTS_2019,
      rows: [
        ['E1', '行政许可'],
        ['E2', '其他对外管理服务事项'],
      ],
    },
    {
      label: '第二十条第（六）项',
      columns: PROJECTS_2019,
      rows: [
        ['F1', '行政处罚'],
        ['F2', '行政强制'],
      ],
    },
    {
      label: '第二十条第（八）项',
      columns: columnsOf(['上一年项目数量', 'count'], ['本年增/减', 'change']),
      rows: [['H1', '行政事业性收费']],
    },
    {
      label: '第二十条第（九）项',
      columns: columnsOf(['采购项目数量', 'count'], ['采购总金额', 'amount']),
      rows: [['I1', '政府集中采购']],
    },
  ],
  [],
);

// ---- Table 三 ----

export const TABLE3_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const TABLE3_COLUMN_TEMPLATES = TABLE3_COLUMNS.map(count);
const TOTAL3 = 6;

const OUTCOME_ROWS_BEFORE_OTHER: [string, string, string][] = [
  ['R3', '（一）予以公开', '（一）予以公开'],
  ['R4', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开'],
  ['R5', '1.属于国家秘密', '（三）不予公开·1.属于国家秘密'],
  ['R6', '2.其他法律行政法规禁止公开', '（三）不予公开·2.其他法律行政法规禁止公开'],
  ['R7', '3.危及“三安全一稳定”', '（三）不予公开·3.危及“三安全一稳定”'],
  ['R8', '4.保护第三方合法权益', '（三）不予公开·4.保护第三方合法权益'],
  ['R9', '5.属于三类内部事务信息', '（三）不予公开·5.属于三类内部事务信息'],
  ['R10', '6.属于四类过程性信息', '（三）不予公开·6.属于四类过程性信息'],
  ['R11', '7.属于行政执法案卷', '（三）不予公开·7.属于行政执法案卷'],
  ['R12', '8.属于行政查询事项', '（三）不予公开·8.属于行政查询事项'],
  ['R13', '1.本机关不掌握相关政府信息', '（四）无法提供·1.本机关不掌握相关政府信息'],
  ['R14', '2.没有现成信息需要另行制作', '（四）无法提供·2.没有现成信息需要另行制作'],
  ['R15', '3.补正后申请内容仍不明确', '（四）无法提供·3.补正后申请内容仍不明确'],
  ['R16', '1.信访举报投诉类申请', '（五）不予处理·1.信访举报投诉类申请'],
  ['R17', '2.重复申请', '（五）不予处理·2.重复申请'],
  ['R18', '3.要求提供公开出版物', '（五）不予处理·3.要求提供公开出版物'],
  ['R19', '4.无正当理由大量反复申请', '（五）不予处理·4.无正当理由大量反复申请'],
  ['R20', '5.要求行政机关确认或重新出具已获取信息', '（五）不予处理·5.要求行政机关确认或重新出具已获取信息'],
];

const OTHER_ROWS_2021: [string, string, string][] = [
  [
    'R21',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '（六）其他处理·1.申请人无正当理由逾期不补正',
  ],
  [
    'R22',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '（六）其他处理·2.申请人逾期未按收费通知要求缴纳费用',
  ],
  ['R23', '3.其他', '（六）其他处理·3.其他'],
];
const OTHER_ROW_2019: [string, string, string][] = [['R21', '（六）其他处理', '（六）其他处理']];

function table3Row([key, label, name]: [string, string, string]): RowTemplate {
  const r = row(key, label, TABLE3_COLUMN_TEMPLATES, name);
  // `3.其他` and `（七）总计` are too short to find without their numbering
  // and written 3.其它 or （七）合计 by some: found, and said as label-typo
  if (key === 'R23') return { ...r, core: '3其他', aliases: ['3其它'] };
  if (key === 'R24') return { ...r, core: '七总计', aliases: ['七合计'] };
  return r;
}

const cells = (rows: string[], col: number): CellRef[] => rows.map((r) => ({ row: r, col }));

function table3Rules(outcomeRows: string[], allRows: string[]): RuleTemplate[] {
  const rules: RuleTemplate[] = [];
  for (const r of allRows) {
    rules.push({
      code: 'row-total-mismatch',
      parts: [0, 1, 2, 3, 4, 5].map((col) => ({ row: r, col })),
      totals: [{ row: r, col: TOTAL3 }],
      reportAt: { row: r, col: TOTAL3 },
    });
  }
  for (let col = 0; col <= TOTAL3; col++) {
    rules.push({
      code: 'column-total-mismatch',
      parts: cells(outcomeRows, col),
      totals: [{ row: 'R24', col }],
      reportAt: { row: 'R24', col },
    });
    rules.push({
      code: 'balance-mismatch',
      parts: cells(['R1', 'R2'], col),
      totals: cells(['R24', 'R25'], col),
      reportAt: { row: 'R25', col },
    });
  }
  return rules;
}

function table3(otherRows: [string, string, string][], groups: GroupTemplate[]): TableTemplate {
  const specs: [string, string, string][] = [
    ['R1', '一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量'],
    ['R2', '二、上年结转政府信息公开申请数量', '二、上年结转政府信息公开申请数量'],
    ...OUTCOME_ROWS_BEFORE_OTHER,
    ...otherRows,
    ['R24', '（七）总计', '（七）总计'],
    ['R25', '四、结转下年度继续办理', '四、结转下年度继续办理'],
  ];
  const rows = specs.map(table3Row);
  const outcomeRows = [...OUTCOME_ROWS_BEFORE_OTHER, ...otherRows].map(([key]) => key);
  return {
    id: '三',
    title: '收到和处理政府信息公开申请情况',
    rows,
    groups,
    headers: ['申请人情况', '自然人', '法人或其他组织', ...TABLE3_COLUMNS],
    unlabelled: false,
    // right after 自然人 (`自然人\t小计\t商业企业…`), or after its parts, before 总计 (`…其他\t小计\t总计`)
    subtotal: { label: '法人或其他组织·小计', places: [1, 6], parts: [1, 2, 3, 4, 5] },
    headerLines: [
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
      '\t自然人\t法人或其他组织\t\t\t\t\t总计',
      '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
    ],
    rules: table3Rules(outcomeRows, rows.map((r) => r.key)),
  };
}

const group = (key: string, label: string, members: string[]): GroupTemplate => ({
  key,
  label,
  core: foldText(label).replace(/^[一二三四五六七]/, ''),
  members,
});

const GROUPS_COMMON: GroupTemplate[] = [
  group('G-results', '三、本年度办理结果', ['R3']),
  group('G3', '（三）不予公开', ['R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12']),
  group('G4', '（四）无法提供', ['R13', 'R14', 'R15']),
  group('G5', '（五）不予处理', ['R16', 'R17', 'R18', 'R19', 'R20']),
];

const TABLE3_2021 = table3(OTHER_ROWS_2021, [...GROUPS_COMMON, group('G6', '（六）其他处理', ['R21', 'R22', 'R23'])]);
const TABLE3_2019 = table3(OTHER_ROW_2019, GROUPS_COMMON);

// ---- Table 四 ----

export const TABLE4_GROUPS = ['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉'];
export const TABLE4_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const TABLE4_COLUMNS = TABLE4_GROUPS.flatMap((g) => TABLE4_RESULTS.map((r) => count(`${g}·${r}`)));

const TABLE4: TableTemplate = {
  id: '四',
  title: '政府信息公开行政复议、行政诉讼情况',
  rows: [{ key: 'G', label: '', core: '', columns: TABLE4_COLUMNS, name: '行政复议、行政诉讼' }],
  groups: [],
  headers: ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', ...TABLE4_RESULTS],
  unlabelled: true,
  headerLines: [
    '行政复议\t\t\t\t\t行政诉讼',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉',
    '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
  ],
  rules: [0, 1, 2].map((g) => ({
    code: 'row-total-mismatch' as const,
    parts: [0, 1, 2, 3].map((k) => ({ row: 'G', col: g * 5 + k })),
    totals: [{ row: 'G', col: g * 5 + 4 }],
    reportAt: { row: 'G', col: g * 5 + 4 },
  })),
};

export const TEMPLATES: Readonly<Record<'2021' | '2019', ReportTemplate>> = {
  '2021': { id: '2021', citation: '国办公开办函〔2021〕30号', tables: { 二: TABLE2_2021, 三: TABLE3_2021, 四: TABLE4 } },
  '2019': { id: '2019', citation: '国办公开办函〔2019〕60号', tables: { 二: TABLE2_2019, 三: TABLE3_2019, 四: TABLE4 } },
};

/** Folded header words that only the 2019 trial template has. */
export const TRIAL_MARKERS = ['本年新制作数量', '对外公开总数量', '上一年项目数量', '第二十条第九项', '其他对外管理服务事项'];
