/**
 * An independent implementation of the ILLUSTRATIVE school safety checklist
 * (examples/school-safety/ruleset.yaml), written from the checklist's own words (each criterion's
 * `text`) and the format's documented semantics (docs/rule-format.md: Kleene logic, unknown
 * propagates through arithmetic and comparisons, a part of a whole that is 0 is 0, a group is
 * judged on the worst and best completion of its unknown criteria). It shares nothing with the
 * engine but types: no expression language, no compiled closures, no outcome bits. Tests only.
 */
import type { Assessment } from '../../src/evaluate/assessment.js';
import type { CriterionStatus, Decision, DisqualifierStatus, GroupStatus } from '../../src/evaluate/result.js';

/** Kleene truth: undefined is unknown. */
type K = boolean | undefined;
type Counted = 'passed' | 'failed' | 'excluded';

export interface SchoolOracleResult {
  readonly decision: Decision;
  readonly criteria: Readonly<Record<string, CriterionStatus>>;
  readonly countsAs: Readonly<Record<string, Counted | 'unknown'>>;
  readonly groups: readonly {
    readonly id: string;
    readonly passed: number;
    readonly failed: number;
    readonly applicable: number;
    readonly status: GroupStatus;
  }[];
  readonly disqualifiers: Readonly<Record<string, DisqualifierStatus>>;
}

const INSPECTION = ['poor', 'fair', 'good'];

function facts(a: Assessment) {
  const raw = (id: string) => {
    const v = a.facts[id];
    return v === null ? undefined : v;
  };
  const num = (id: string): number | undefined => {
    const v = raw(id);
    if (typeof v === 'number') return v;
    // pupils_drilled is declared part of pupils: no pupils, nobody drilled.
    if (id === 'pupils_drilled' && raw('pupils') === 0) return 0;
    return undefined;
  };
  const bool = (id: string): K => {
    const v = raw(id);
    return typeof v === 'boolean' ? v : undefined;
  };
  return { num, bool, str: (id: string) => (typeof raw(id) === 'string' ? (raw(id) as string) : undefined) };
}

interface Rule {
  readonly group: string;
  /** undefined: always applicable; otherwise whether it applies, and how "not applicable" counts. */
  readonly applies?: { readonly value: K; readonly otherwise: Counted };
  readonly condition: K;
}

function rules(a: Assessment): [string, Rule][] {
  const f = facts(a);
  const atLeast = (id: string, n: number): K => {
    const v = f.num(id);
    return v === undefined ? undefined : v >= n;
  };
  const pupils = f.num('pupils');
  const drilled = f.num('pupils_drilled');
  // "90% or more of pupils": drilled × 100 ≥ 90 × pupils in integers; no pupils fails.
  const drill: K =
    pupils === 0 ? false : pupils === undefined || drilled === undefined ? undefined : drilled * 10 >= pupils * 9;
  const beds = f.num('dorm_beds');
  const night = f.num('dorm_night_staff');
  // "one member of night staff for every 40 dormitory beds or fewer"
  const nightCover: K = beds === undefined || night === undefined ? undefined : night * 40 >= beds;
  const boarding = a.context['boarding'];
  const rating = f.str('inspection_rating');
  const incidents = f.num('serious_incidents');
  return [
    ['FSc1', { group: 'FS', condition: atLeast('fire_exits', 2) }],
    ['FSc2', { group: 'FS', condition: f.bool('extinguishers_checked') }],
    ['FSc3', { group: 'FS', condition: drill }],
    ['HWc1', { group: 'HW', condition: atLeast('first_aid_staff', 1) }],
    ['HWc2', { group: 'HW', condition: f.bool('water_tested') }],
    [
      'HWc3',
      {
        group: 'HW',
        applies: { value: typeof boarding === 'boolean' ? boarding : undefined, otherwise: 'excluded' },
        condition: nightCover,
      },
    ],
    [
      'EAc1',
      {
        group: '5',
        condition: rating === undefined ? undefined : INSPECTION.indexOf(rating) >= INSPECTION.indexOf('fair'),
      },
    ],
    ['EAc2', { group: '5', condition: incidents === undefined ? undefined : incidents === 0 }],
  ];
}

/** Every (status, how it counts) the criterion can still have once the missing facts are filled in. */
function possibilities(rule: Rule): [CriterionStatus, Counted][] {
  const byCondition: [CriterionStatus, Counted][] =
    rule.condition === true
      ? [['pass', 'passed']]
      : rule.condition === false
        ? [['fail', 'failed']]
        : [
            ['pass', 'passed'],
            ['fail', 'failed'],
          ];
  if (!rule.applies) return byCondition;
  const notApplicable: [CriterionStatus, Counted] = ['not_applicable', rule.applies.otherwise];
  if (rule.applies.value === false) return [notApplicable];
  if (rule.applies.value === true) return byCondition;
  return [notApplicable, ...byCondition];
}

/** Requirement per group: FS and 5 every criterion (100%), HW at least two passed. */
const GROUPS: readonly { id: string; holds: (passed: number, failed: number) => boolean }[] = [
  { id: 'FS', holds: (p, f) => p * 100 >= 100 * (p + f) },
  { id: 'HW', holds: (p) => p >= 2 },
  { id: '5', holds: (p, f) => p * 100 >= 100 * (p + f) },
];

const RANK: Record<Counted, number> = { failed: 0, excluded: 1, passed: 2 };

export function schoolOracle(a: Assessment): SchoolOracleResult {
  const criteria: Record<string, CriterionStatus> = {};
  const countsAs: Record<string, Counted | 'unknown'> = {};
  const tallies = new Map(GROUPS.map((g) => [g.id, { passed: 0, failed: 0, unknown: 0, best: [0, 0], worst: [0, 0] }]));
  for (const [id, rule] of rules(a)) {
    const options = possibilities(rule);
    const statuses = new Set(options.map(([s]) => s));
    const counts = [...new Set(options.map(([, c]) => c))].sort((x, y) => RANK[x] - RANK[y]);
    criteria[id] = statuses.size === 1 ? (options[0] as [CriterionStatus, Counted])[0] : 'unknown';
    countsAs[id] = counts.length === 1 ? (counts[0] as Counted) : 'unknown';
    const t = tallies.get(rule.group) as NonNullable<ReturnType<typeof tallies.get>>;
    if (countsAs[id] === 'passed') t.passed++;
    else if (countsAs[id] === 'failed') t.failed++;
    else if (countsAs[id] === 'unknown') t.unknown++;
    // Worst completion: the lowest of what it may count as; best: the highest.
    const tally = (into: number[], c: Counted) => {
      if (c === 'passed') into[0] = (into[0] ?? 0) + 1;
      if (c === 'failed') into[1] = (into[1] ?? 0) + 1;
    };
    tally(t.worst, counts[0] as Counted);
    tally(t.best, counts[counts.length - 1] as Counted);
  }

  const dq: Record<string, DisqualifierStatus> = {};
  const incidents = facts(a).num('serious_incidents');
  dq['X1'] = incidents === undefined ? 'unknown' : incidents >= 3 ? 'applies' : 'clear';

  const groups = GROUPS.map((g) => {
    const t = tallies.get(g.id) as NonNullable<ReturnType<typeof tallies.get>>;
    const met = g.holds(t.worst[0] ?? 0, t.worst[1] ?? 0);
    const reachable = g.holds(t.best[0] ?? 0, t.best[1] ?? 0);
    const status: GroupStatus = met ? 'met' : reachable ? 'unknown' : 'not_met';
    return { id: g.id, passed: t.passed, failed: t.failed, applicable: t.passed + t.failed + t.unknown, status };
  });

  // FSc1 is mandatory: it must pass (not applicable is not passing; it always applies here).
  const mandatory = criteria['FSc1'];
  const decision: Decision =
    dq['X1'] === 'applies' ||
    groups.some((g) => g.status === 'not_met') ||
    (mandatory !== 'pass' && mandatory !== 'unknown')
      ? 'not_recognised'
      : dq['X1'] === 'clear' && mandatory === 'pass' && groups.every((g) => g.status === 'met')
        ? 'recognised'
        : 'undetermined';
  return { decision, criteria, countsAs, groups, disqualifiers: dq };
}
