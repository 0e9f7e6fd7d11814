/**
 * Expected figures computed straight from evaluated areas, the obvious way, without any of the
 * report's code: what the report must agree with.
 */
import type { CityArea } from './city.js';
import { rules } from './city.js';

export interface ExpectedUnit {
  unit: string;
  assessed: number;
  registered: number;
  recognised: number;
  not_recognised: number;
  undetermined: number;
}

export interface ExpectedYear {
  totals: ExpectedUnit;
  units: ExpectedUnit[];
  standards: { id: string; met: number; not_met: number; unknown: number }[];
  criteria: { id: string; pass: number; fail: number; unknown: number; excluded: number; percent: number | null }[];
  mostFailed: string[];
}

export function expectedYear(areas: readonly CityArea[], year: number): ExpectedYear {
  const inYear = areas.filter((a) => a.year === year);
  const unitNames = [...new Set(inYear.map((a) => a.assessment.area?.unit ?? ''))].sort((a, b) =>
    a.localeCompare(b, 'vi'),
  );
  const count = (list: readonly CityArea[], unit: string): ExpectedUnit => ({
    unit,
    assessed: list.length,
    registered: list.filter((a) => a.registered !== false).length,
    recognised: list.filter((a) => a.result.decision === 'recognised').length,
    not_recognised: list.filter((a) => a.result.decision === 'not_recognised').length,
    undetermined: list.filter((a) => a.result.decision === 'undetermined').length,
  });
  const criteria = rules.criteria.map((c) => {
    const statuses = inYear.map((a) => a.result.criteria.find((x) => x.id === c.id)?.counts_as);
    const pass = statuses.filter((s) => s === 'passed').length;
    const fail = statuses.filter((s) => s === 'failed').length;
    return {
      id: c.id,
      pass,
      fail,
      unknown: statuses.filter((s) => s === 'unknown').length,
      excluded: statuses.filter((s) => s === 'excluded').length,
      percent: pass + fail === 0 ? null : Math.floor((100 * pass) / (pass + fail)),
    };
  });
  const mostFailed = criteria
    .filter((c) => c.fail > 0)
    .sort(
      (a, b) =>
        b.fail - a.fail ||
        rules.criteria.findIndex((x) => x.id === a.id) - rules.criteria.findIndex((x) => x.id === b.id),
    )
    .slice(0, 10)
    .map((c) => c.id);
  return {
    totals: count(inYear, ''),
    units: unitNames.map((u) =>
      count(
        inYear.filter((a) => (a.assessment.area?.unit ?? '') === u),
        u,
      ),
    ),
    standards: rules.groups.map((g) => {
      const statuses = inYear.map((a) => a.result.standards.find((s) => s.id === g.id)?.status);
      return {
        id: g.id,
        met: statuses.filter((s) => s === 'met').length,
        not_met: statuses.filter((s) => s === 'not_met').length,
        unknown: statuses.filter((s) => s === 'unknown').length,
      };
    }),
    criteria,
    mostFailed,
  };
}
