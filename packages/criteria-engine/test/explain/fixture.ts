/**
 * A small hand-built ruleset description (the parts of a CompiledRuleset the renderers read) and
 * results for the renderer tests.
 */
import type { ConditionInfo, CriterionInfo } from '../../src/compile/compiled-ruleset.js';
import type { ExplainRuleset } from '../../src/explain/index.js';
import type { CriterionResult, EvaluationResult } from '../../src/evaluate/result.js';

const cond = (expression: string, reads: string[]): ConditionInfo => ({ expression, thresholds: [], reads });

const LONG_TEXT =
  '98% trở lên các hộ gia đình chấp hành nghiêm chỉnh chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và các quy định của địa phương';

const criteria: CriterionInfo[] = [
  {
    id: '1.1',
    group: '1',
    text: { vi: 'Có mô hình kinh tế điển hình', en: 'Has a typical economic model' },
    condition: cond('typical_models >= 1', ['typical_models']),
    points: 1,
    mandatory: false,
  },
  {
    id: '1.2',
    group: '1',
    text: {
      vi: LONG_TEXT,
      en: '98% or more of households strictly follow Party lines, State policy and law, and local rules',
    },
    note: { vi: 'Ghi chú của người soạn quy tắc.', en: "The rule author's note." },
    condition: cond('percent(households_ok, households, 0) >= 98', ['households_ok', 'households']),
    points: 1,
    mandatory: false,
  },
  {
    id: '1.3',
    group: '1',
    text: { vi: 'Chi bộ hoàn thành tốt nhiệm vụ trở lên', en: 'Party cell rated "completed tasks well" or better' },
    condition: cond("party_cell_rating >= 'hoan_thanh_tot'", ['party_cell_rating']),
    points: 1,
    mandatory: false,
  },
  {
    id: '2.1',
    group: '2',
    text: { vi: 'Thực hiện tốt các nội dung tự quản', en: 'Performs the self-management contents well' },
    condition: cond('self_management_ok', ['self_management_ok']),
    points: 1,
    mandatory: true,
  },
  {
    id: '2.2',
    group: '2',
    text: { vi: 'Có tuyến phố văn minh hoặc sản phẩm OCOP', en: 'A civilised street or an OCOP product' },
    variants: [
      {
        id: 'to_dan_pho',
        when: "unit_kind == 'to_dan_pho'",
        label: { vi: 'Đối với tổ dân phố', en: 'For urban residential groups' },
        condition: cond('civilised_streets >= 1', ['civilised_streets']),
      },
    ],
    noVariant: 'not_applicable',
    notApplicable: 'exclude',
    points: 1,
    mandatory: false,
  },
];

export const ruleset: ExplainRuleset = {
  title: { vi: 'Khu dân cư tự quản (thử)', en: 'Self-managed residential areas (test)' },
  context: [
    {
      id: 'unit_kind',
      type: 'enum',
      label: { vi: 'Loại khu dân cư', en: 'Kind of residential area' },
      values: [
        { id: 'to_dan_pho', label: { vi: 'Tổ dân phố', en: 'Urban residential group' } },
        { id: 'ban', label: { vi: 'Bản', en: 'Village' } },
      ],
    },
  ],
  facts: [
    {
      id: 'typical_models',
      type: 'integer',
      label: { vi: 'Số mô hình điển hình', en: 'Typical models' },
      unit: { vi: 'mô hình', en: 'models' },
    },
    {
      id: 'households',
      type: 'integer',
      label: { vi: 'Tổng số hộ', en: 'Total households' },
      unit: { vi: 'hộ', en: 'households' },
    },
    {
      id: 'households_ok',
      type: 'integer',
      label: { vi: 'Số hộ chấp hành', en: 'Law-abiding households' },
      unit: { vi: 'hộ', en: 'households' },
      partOf: 'households',
    },
    {
      id: 'party_cell_rating',
      type: 'ordinal',
      label: { vi: 'Xếp loại chi bộ', en: 'Party cell rating' },
      values: [
        { id: 'hoan_thanh', label: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed tasks' } },
        { id: 'hoan_thanh_tot', label: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Completed tasks well' } },
      ],
    },
    {
      id: 'self_management_ok',
      type: 'boolean',
      label: { vi: 'Thực hiện tốt nội dung tự quản', en: 'Self-management contents done well' },
    },
    { id: 'civilised_streets', type: 'integer', label: { vi: 'Số tuyến phố văn minh', en: 'Civilised streets' } },
    { id: 'drug_spot', type: 'boolean', label: { vi: 'Có tụ điểm ma tuý', en: 'A drug spot exists' } },
  ],
  groups: [
    {
      id: '1',
      title: { vi: 'Tiêu chuẩn 1: Hệ thống chính trị', en: 'Standard 1: Political system' },
      requirement: { at_least_percent: 80 },
      criteria: criteria.slice(0, 3),
    },
    {
      id: '2',
      title: { vi: 'Tiêu chuẩn 2: Phát triển kinh tế', en: 'Standard 2: Economy' },
      requirement: { at_least_percent: 80 },
      criteria: criteria.slice(3),
    },
  ],
  criteria,
  disqualifiers: [
    {
      id: 'D1',
      text: { vi: 'Có tụ điểm ma tuý, mại dâm', en: 'A drug or prostitution spot' },
      condition: cond('drug_spot', ['drug_spot']),
    },
  ],
};

const c = (
  id: string,
  group: string,
  status: CriterionResult['status'],
  facts: CriterionResult['facts'],
  extra: Partial<CriterionResult> = {},
): CriterionResult => ({
  id,
  group,
  status,
  variant: null,
  counts_as:
    status === 'pass' ? 'passed' : status === 'fail' ? 'failed' : status === 'unknown' ? 'unknown' : 'excluded',
  mandatory: id === '2.1',
  points: 1,
  facts,
  ...extra,
});

const base = {
  ruleset: { id: 'test-rules', version: '2020-2025', hash: `sha256:${'ab'.repeat(32)}` },
  area: { code: 'TP-01', name: 'Tổ dân phố số 1', unit: 'Phường Tân Phong', date: '2024-10-10' },
  context: { unit_kind: 'to_dan_pho' },
} as const;

/** Every criterion passes: recognised. */
export const recognised: EvaluationResult = {
  ...base,
  decision: 'recognised',
  standards: [
    {
      id: '1',
      status: 'met',
      passed: 3,
      failed: 0,
      unknown: 0,
      excluded: 0,
      applicable: 3,
      required: 3,
      requirement: { at_least_percent: 80 },
      percent: 100,
    },
    {
      id: '2',
      status: 'met',
      passed: 2,
      failed: 0,
      unknown: 0,
      excluded: 0,
      applicable: 2,
      required: 2,
      requirement: { at_least_percent: 80 },
      percent: 100,
    },
  ],
  criteria: [
    c('1.1', '1', 'pass', [{ id: 'typical_models', value: 2 }]),
    c('1.2', '1', 'pass', [
      { id: 'households_ok', value: 1190 },
      { id: 'households', value: 1200 },
    ]),
    c('1.3', '1', 'pass', [{ id: 'party_cell_rating', value: 'hoan_thanh_tot' }]),
    c('2.1', '2', 'pass', [{ id: 'self_management_ok', value: true }]),
    c('2.2', '2', 'pass', [{ id: 'civilised_streets', value: 1 }], { variant: 'to_dan_pho' }),
  ],
  disqualifiers: [{ id: 'D1', status: 'clear', facts: [{ id: 'drug_spot', value: false }] }],
  mandatory: [{ id: '2.1', status: 'pass' }],
  missing: [],
  needed: [],
  reasons: [],
};

/** A disqualifier applies, 2.1 fails, standard 1 has 2/3. */
export const notRecognised: EvaluationResult = {
  ...base,
  decision: 'not_recognised',
  standards: [
    {
      id: '1',
      status: 'not_met',
      passed: 2,
      failed: 1,
      unknown: 0,
      excluded: 0,
      applicable: 3,
      required: 3,
      requirement: { at_least_percent: 80 },
      percent: 66,
    },
    {
      id: '2',
      status: 'not_met',
      passed: 0,
      failed: 1,
      unknown: 0,
      excluded: 1,
      applicable: 1,
      required: 1,
      requirement: { at_least_percent: 80 },
      percent: 0,
    },
  ],
  criteria: [
    c('1.1', '1', 'pass', [{ id: 'typical_models', value: 2 }]),
    c('1.2', '1', 'fail', [
      { id: 'households_ok', value: 1000 },
      { id: 'households', value: 1200 },
    ]),
    c('1.3', '1', 'pass', [{ id: 'party_cell_rating', value: 'hoan_thanh_tot' }]),
    c('2.1', '2', 'fail', [{ id: 'self_management_ok', value: false }]),
    c('2.2', '2', 'not_applicable', [], { reason: 'no_variant' }),
  ],
  disqualifiers: [{ id: 'D1', status: 'applies', facts: [{ id: 'drug_spot', value: true }] }],
  mandatory: [{ id: '2.1', status: 'fail' }],
  missing: [],
  needed: [],
  reasons: [
    { kind: 'disqualified', id: 'D1' },
    { kind: 'mandatory_failed', id: '2.1' },
    { kind: 'group_not_met', id: '1' },
    { kind: 'group_not_met', id: '2' },
  ],
};

/** Facts missing: undetermined. */
export const undetermined: EvaluationResult = {
  ...base,
  area: { name: 'Bản Sùng Chô' },
  context: { unit_kind: 'ban' },
  decision: 'undetermined',
  standards: [
    {
      id: '1',
      status: 'unknown',
      passed: 2,
      failed: 0,
      unknown: 1,
      excluded: 0,
      applicable: 3,
      required: 3,
      requirement: { at_least_percent: 80 },
      percent: 66,
    },
    {
      id: '2',
      status: 'met',
      passed: 1,
      failed: 0,
      unknown: 0,
      excluded: 1,
      applicable: 1,
      required: 1,
      requirement: { at_least_percent: 80 },
      percent: 100,
    },
  ],
  criteria: [
    c('1.1', '1', 'pass', [{ id: 'typical_models', value: 1 }]),
    c('1.2', '1', 'unknown', [
      { id: 'households_ok', value: null },
      { id: 'households', value: 80 },
    ]),
    c('1.3', '1', 'pass', [{ id: 'party_cell_rating', value: 'hoan_thanh_tot' }]),
    c('2.1', '2', 'pass', [{ id: 'self_management_ok', value: true }]),
    c('2.2', '2', 'not_applicable', [], { reason: 'no_variant' }),
  ],
  disqualifiers: [{ id: 'D1', status: 'unknown', facts: [{ id: 'drug_spot', value: null }] }],
  mandatory: [{ id: '2.1', status: 'pass' }],
  missing: ['households_ok', 'drug_spot'],
  needed: ['households_ok', 'drug_spot'],
  reasons: [{ kind: 'unknown', ids: ['1.2', 'D1'] }],
};
