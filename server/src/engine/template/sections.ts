import type { SectionTemplate } from './types';

export const SECTIONS: readonly SectionTemplate[] = [
  { number: 1, numeral: '一', heading: '总体情况', titles: ['总体情况'], keys: ['总体情况'] },
  { number: 2, numeral: '二', heading: '主动公开政府信息情况', titles: ['主动公开政府信息情况'], keys: ['主动公开政府信息'], table: '二' },
  {
    number: 3,
    numeral: '三',
    heading: '收到和处理政府信息公开申请情况',
    titles: ['收到和处理政府信息公开申请情况'],
    keys: ['收到和处理政府信息公开申请', '处理政府信息公开申请情况'],
    table: '三',
  },
  {
    number: 4,
    numeral: '四',
    heading: '政府信息公开行政复议、行政诉讼情况',
    titles: ['政府信息公开行政复议、行政诉讼情况', '政府信息公开行政复议和行政诉讼情况', '因政府信息公开工作被申请行政复议和提起行政诉讼情况'],
    keys: ['行政复议', '行政诉讼'],
    table: '四',
  },
  {
    number: 5,
    numeral: '五',
    heading: '存在的主要问题及改进情况',
    titles: ['存在的主要问题及改进情况', '存在的主要问题及整改情况', '存在问题及改进情况', '政府信息公开工作存在的主要问题及改进情况'],
    keys: ['存在的主要问题', '存在问题', '主要问题及', '改进情况', '整改情况'],
  },
  { number: 6, numeral: '六', heading: '其他需要报告的事项', titles: ['其他需要报告的事项'], keys: ['其他需要报告'] },
];

export const NUMERALS = '一二三四五六';
