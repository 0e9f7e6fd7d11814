/**
 * API keys and roles: the key file (every problem located), keys found by their digest only, and
 * each role's scope (a ward its own areas and their own facts, a department its own facts, the
 * board its decisions, a reader nothing but summaries).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import {
  areaScopeProblems,
  checkKeyOwners,
  factScopeProblems,
  findApiKey,
  keyDigest,
  parseApiKeys,
  roleMay,
} from '../src/index.js';
import { laiChau } from './support/city.js';

let rules: CompiledRuleset;
beforeAll(async () => {
  rules = await laiChau();
});

const FILE = `format: 1
keys:
  - name: tan-phong
    role: area
    unit: "Phường Tân Phong"
    areas: [DK-07]
    sha256: ${keyDigest('ward-key')}
  - name: cong-an
    role: department
    owner: cong_an
    sha256: ${keyDigest('police-key')}
  - name: hoi-dong
    role: board
    sha256: ${keyDigest('board-key')}
`;
const at = { file: '<request>' };

describe('the key file', () => {
  it('reads keys with their roles and scopes, keeping only digests', () => {
    const { value, problems } = parseApiKeys(FILE, 'keys.yaml');
    expect(problems).toEqual([]);
    expect(value?.map((k) => [k.name, k.role, k.unit ?? k.owner ?? null, k.areas ?? null])).toEqual([
      ['tan-phong', 'area', 'Phường Tân Phong', ['DK-07']],
      ['cong-an', 'department', 'cong_an', null],
      ['hoi-dong', 'board', null, null],
    ]);
    expect(JSON.stringify(value)).not.toContain('ward-key');
  });

  it('lists every problem at once, each at its line and column', () => {
    const text = [
      'format: 2',
      'keys:',
      '  - name: a',
      '    role: mayor',
      `    sha256: ${keyDigest('a')}`,
      '  - name: a',
      '    role: area',
      `    sha256: ${keyDigest('a')}`,
      '  - role: department',
      '    sha256: 1234',
      '',
    ].join('\n');
    const { value, problems } = parseApiKeys(text, 'keys.yaml');
    expect(value).toBeUndefined();
    expect(problems.map((p) => [p.line, p.column, p.params['what']])).toEqual([
      [1, 9, 'format'],
      [4, 11, 'role'],
      [6, 11, 'duplicate_name'],
      [8, 13, 'duplicate_key'],
      [6, 5, 'unit_or_areas'],
      [9, 5, 'name'],
      [10, 13, 'sha256'],
      [9, 5, 'owner'],
    ]);
    expect(parseApiKeys('keys: [', 'k.yaml').problems[0]?.params['what']).toBe('yaml');
    expect(parseApiKeys('- 1', 'k.yaml').problems[0]?.params['what']).toBe('not_mapping');
  });

  it('refuses a second key with the same digest or name', () => {
    const twice = `${FILE}  - name: tan-phong\n    role: reader\n    sha256: ${keyDigest('board-key')}\n`;
    expect(parseApiKeys(twice, 'k.yaml').problems.map((p) => [p.line, p.params['what']])).toEqual([
      [15, 'duplicate_name'],
      [17, 'duplicate_key'],
    ]);
  });

  it('checks department owners against the rule file', () => {
    const other = FILE.replace('owner: cong_an', 'owner: phong_xyz');
    const keys = parseApiKeys(other, 'keys.yaml').value ?? [];
    expect(checkKeyOwners(keys, rules).map((p) => [p.code, p.line, p.column])).toEqual([
      ['records_owner_unknown', 10, 12],
    ]);
  });
});

describe('roles and scopes', () => {
  const keys = parseApiKeys(FILE, 'keys.yaml').value ?? [];
  const [ward, police, board] = keys;

  it('finds a key by what is presented, never by a prefix or its digest', () => {
    expect(findApiKey(keys, 'police-key')?.name).toBe('cong-an');
    expect(findApiKey(keys, 'police-ke')).toBeUndefined();
    expect(findApiKey(keys, keyDigest('police-key'))).toBeUndefined();
  });

  it('lets each role do only its own kind of write', () => {
    if (!ward || !police || !board) throw new Error('three keys');
    expect(roleMay(ward, 'write_facts', at)).toEqual([]);
    expect(roleMay(ward, 'record_board', at).map((p) => p.code)).toEqual(['records_forbidden_role']);
    expect(roleMay(police, 'register', at).map((p) => p.code)).toEqual(['records_forbidden_role']);
    expect(roleMay(board, 'record_board', at)).toEqual([]);
    expect(roleMay(board, 'write_facts', at).map((p) => p.code)).toEqual(['records_forbidden_role']);
  });

  it('keeps a ward to its own areas (its unit, or listed by code)', () => {
    if (!ward || !police) throw new Error('keys');
    const areas = [
      { code: 'TP-01', unit: 'Phường Tân Phong' },
      { code: 'DK-07', unit: 'Phường Đoàn Kết' },
      { code: 'DK-01', unit: 'Phường Đoàn Kết' },
    ];
    expect(areaScopeProblems(ward, areas, at).map((p) => p.params['area'])).toEqual(['DK-01']);
    expect(areaScopeProblems(police, areas, at)).toEqual([]);
  });

  it('keeps a department to its own facts and a ward to the area’s own', () => {
    if (!ward || !police) throw new Error('keys');
    const police_fact = rules.facts.find((f) => f.owner === 'cong_an')?.id as string;
    const own_fact = rules.facts.find((f) => f.owner === undefined)?.id as string;
    expect([police_fact, own_fact].every((f) => typeof f === 'string')).toBe(true);
    const where = (fact: string) => ({ file: `/facts/${fact}` });
    expect(factScopeProblems(police, [police_fact, own_fact], rules, where).map((p) => p.file)).toEqual([
      `/facts/${own_fact}`,
    ]);
    expect(factScopeProblems(ward, [police_fact, own_fact], rules, where).map((p) => p.file)).toEqual([
      `/facts/${police_fact}`,
    ]);
  });
});
