/**
 * Who may write what in the record, for faces that take writes from others (the HTTP API): API
 * keys bound to a role, read from a key file the operator names, and the checks of each write
 * against the key's scope. The rule file says which department answers for each fact; the key
 * file says which department, reporting unit (the rule file's `words.grouped_by`) or board a key speaks for. Nothing here is
 * hard-coded: an installation with no key file takes no writes.
 *
 *   format: 1
 *   keys:
 *     - name: north-district       # recorded as who wrote
 *       role: area                 # area | department | board | reader
 *       unit: "North District"     # area: the reporting unit whose assessed units it writes (or areas: [codes])
 *       sha256: "<64 hex digits>"  # the key's SHA-256; the key itself is never stored
 *     - name: kinh-te
 *       role: department
 *       owner: economy_office      # an owner id of the rule file
 *       sha256: "…"
 *
 * Keys are kept as SHA-256 digests only and compared in constant time (timingSafeEqual over
 * every key, whichever matches), so neither the file nor the timing of an answer gives a key away.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { AREA_OWNER } from './parts.js';
import { problem, type RecordsProblem } from './problems.js';
import type { AreaRecord } from './types.js';

export const ROLES = ['area', 'department', 'board', 'reader'] as const;
export type Role = (typeof ROLES)[number];

function isRole(value: string): value is Role {
  return ROLES.some((role) => role === value);
}

/** One key of the key file: who it is, what it may write, and the digest of the key. */
export interface ApiKey {
  readonly name: string;
  readonly role: Role;
  /** role area: the ward/commune whose areas it writes. */
  readonly unit?: string;
  /** role area: area codes it writes (besides those of `unit`). */
  readonly areas?: readonly string[];
  /** role department: the owner id (rule file) whose facts it writes. */
  readonly owner?: string;
  readonly digest: Buffer;
  /** Where the key is declared, for problems found later (an owner the rules do not know). */
  readonly at: { readonly file: string; readonly line: number; readonly column: number };
}

/** Most keys in one file: a city has tens of wards and departments, never thousands. */
export const MAX_KEYS = 10_000;
/** Largest key file read, in bytes. */
const MAX_KEY_FILE_BYTES = 1024 * 1024;

export async function loadApiKeys(file: string): Promise<{ value?: ApiKey[]; problems: RecordsProblem[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { problems: [problem('records_keys_invalid', { file }, { what: 'unreadable', field: '' })] };
  }
  if (Buffer.byteLength(text) > MAX_KEY_FILE_BYTES) {
    return { problems: [problem('records_keys_invalid', { file }, { what: 'too_large', field: '' })] };
  }
  return parseApiKeys(text, file);
}

export function parseApiKeys(text: string, file: string): { value?: ApiKey[]; problems: RecordsProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  /** Where a node of the file starts (anything else, such as a missing value: the file's start). */
  const at = (node: unknown) => {
    const pos = lines.linePos(isNode(node) ? (node.range?.[0] ?? 0) : 0);
    return { file, line: pos.line, column: pos.col };
  };
  const bad = (node: unknown, what: string, field = '') => problem('records_keys_invalid', at(node), { what, field });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return problem('records_keys_invalid', { file, line: pos.line, column: pos.col }, { what: 'yaml', field: '' });
      }),
    };
  }
  const root = doc.contents;
  if (!isMap(root)) return { problems: [bad(root, 'not_mapping')] };
  const problems: RecordsProblem[] = [];
  const format: unknown = root.get('format', true);
  if (!isScalar(format) || format.value !== 1) problems.push(bad(format ?? root, 'format', 'format'));
  const list = root.get('keys', true);
  if (!isSeq(list) || list.items.length === 0) {
    problems.push(bad(list ?? root, 'keys_list', 'keys'));
    return { problems };
  }
  if (list.items.length > MAX_KEYS) return { problems: [...problems, bad(list, 'too_many', 'keys')] };
  const keys: ApiKey[] = [];
  const names = new Set<string>();
  const digests = new Set<string>();
  for (const item of list.items) {
    if (!isMap(item)) {
      problems.push(bad(item, 'key_mapping', 'keys'));
      continue;
    }
    const text = (field: string) => {
      const node = item.get(field, true);
      return isScalar(node) && typeof node.value === 'string' && node.value.trim() !== ''
        ? { node, value: node.value.trim() }
        : { node, value: undefined };
    };
    const name = text('name');
    const role = text('role');
    const sha = text('sha256');
    const start = problems.length;
    if (name.value === undefined) problems.push(bad(name.node ?? item, 'name', 'name'));
    else if (names.has(name.value)) problems.push(bad(name.node, 'duplicate_name', 'name'));
    const roleId = role.value !== undefined && isRole(role.value) ? role.value : undefined;
    if (roleId === undefined) problems.push(bad(role.node ?? item, 'role', 'role'));
    if (sha.value === undefined || !/^[0-9a-f]{64}$/i.test(sha.value))
      problems.push(bad(sha.node ?? item, 'sha256', 'sha256'));
    else if (digests.has(sha.value.toLowerCase())) problems.push(bad(sha.node, 'duplicate_key', 'sha256'));
    const unit = text('unit').value;
    const areasNode = item.get('areas', true);
    let areas: string[] | undefined;
    if (areasNode !== undefined) {
      const items = isSeq(areasNode) ? areasNode.items : [];
      const texts = items.flatMap((a) => (isScalar(a) && typeof a.value === 'string' ? [a.value] : []));
      areas = isSeq(areasNode) && texts.length === items.length ? texts : undefined;
      if (areas === undefined) problems.push(bad(areasNode, 'areas', 'areas'));
    }
    const owner = text('owner');
    if (role.value === 'area' && unit === undefined && (areas === undefined || areas.length === 0))
      problems.push(bad(item, 'unit_or_areas', 'unit'));
    if (role.value === 'department' && owner.value === undefined)
      problems.push(bad(owner.node ?? item, 'owner', 'owner'));
    // Remembered even when this key has other problems, so a repeated name or key is reported too.
    if (name.value !== undefined) names.add(name.value);
    if (sha.value !== undefined) digests.add(sha.value.toLowerCase());
    if (problems.length > start || name.value === undefined || sha.value === undefined || roleId === undefined)
      continue;
    keys.push({
      name: name.value,
      role: roleId,
      ...(role.value === 'area' && unit !== undefined ? { unit } : {}),
      ...(role.value === 'area' && areas !== undefined ? { areas } : {}),
      ...(role.value === 'department' && owner.value !== undefined ? { owner: owner.value } : {}),
      digest: Buffer.from(sha.value, 'hex'),
      at: at(role.value === 'department' ? owner.node : item),
    });
  }
  return problems.length > 0 ? { problems } : { value: keys, problems };
}

/** Department keys whose owner the rule file does not declare: located at the key file's owner. */
export function checkKeyOwners(keys: readonly ApiKey[], ruleset: CompiledRuleset): RecordsProblem[] {
  const known = ruleset.owners.map((o) => o.id);
  return keys.flatMap((k) =>
    k.owner !== undefined && !known.includes(k.owner)
      ? [
          problem('records_owner_unknown', k.at, {
            owner: k.owner,
            ruleset: ruleset.id,
            known: known.join(', ') || '—',
          }),
        ]
      : [],
  );
}

/** The SHA-256 digest of a key, as the key file stores it (hex). */
export function keyDigest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The key a request presents, or undefined. Every stored digest is compared, in constant time,
 * whether or not an earlier one matched.
 */
export function findApiKey(keys: readonly ApiKey[], presented: string): ApiKey | undefined {
  const digest = createHash('sha256').update(presented, 'utf8').digest();
  let found: ApiKey | undefined;
  for (const k of keys) if (timingSafeEqual(k.digest, digest) && found === undefined) found = k;
  return found;
}

// ------------------------------------------------------------------------------------ the checks

/** What a write asks to do, for the role check. */
export type Action = 'write_facts' | 'register' | 'record_board' | 'read_details';

const MAY: Readonly<Record<Action, readonly Role[]>> = {
  write_facts: ['area', 'department'],
  register: ['area'],
  record_board: ['board'],
  read_details: ['area', 'department', 'board'],
};

/** The role may do this at all (a reader key never writes; only the board records decisions). */
export function roleMay(key: ApiKey, action: Action, where: { readonly file: string }): RecordsProblem[] {
  if (MAY[action].includes(key.role)) return [];
  return [
    problem('records_forbidden_role', where, { key: key.name, role: key.role, action, roles: MAY[action].join(', ') }),
  ];
}

/** An area key speaks for its own ward/commune's areas (and any listed by code), no other. */
export function areaInScope(key: ApiKey, area: Pick<AreaRecord, 'code' | 'unit'>): boolean {
  if (key.role !== 'area') return true;
  return (key.unit !== undefined && key.unit === area.unit) || (key.areas ?? []).includes(area.code);
}

export function areaScopeProblems(
  key: ApiKey,
  areas: readonly Pick<AreaRecord, 'code' | 'unit'>[],
  where: { readonly file: string },
): RecordsProblem[] {
  return areas
    .filter((a) => !areaInScope(key, a))
    .map((a) =>
      problem('records_forbidden_area', where, {
        key: key.name,
        area: a.code,
        unit: a.unit,
        scope: [key.unit, ...(key.areas ?? [])].filter((x) => x !== undefined).join(', '),
      }),
    );
}

/**
 * A department writes only the facts the rule file gives it; a ward/commune only the area's own
 * facts (those no department answers for). One problem per fact, with where it is in the request.
 */
export function factScopeProblems(
  key: ApiKey,
  facts: readonly string[],
  ruleset: CompiledRuleset,
  where: (fact: string) => { readonly file: string },
): RecordsProblem[] {
  const owners = new Map(ruleset.facts.map((f) => [f.id, f.owner ?? null]));
  const mine = key.role === 'department' ? (key.owner ?? null) : null;
  return facts
    .filter((f) => owners.has(f) && owners.get(f) !== mine)
    .map((fact) =>
      problem('records_forbidden_fact', where(fact), {
        key: key.name,
        fact,
        owners: owners.get(fact) ?? AREA_OWNER,
        owner: mine ?? AREA_OWNER,
      }),
    );
}
