/** Rules, temporary folders and small file builders shared by the batch tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { loadRulesetFile } from '@lcz/criteria-engine/node';
import { readBatch, type BatchRecord, type BatchSource, type ReadBatchOptions } from '../../src/index.js';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const LAI_CHAU = join(ROOT, 'rules/lai-chau-2020-2025');
export const SMALL = fileURLToPath(new URL('../fixtures/small-rules.yaml', import.meta.url));

export async function rules(path: string): Promise<CompiledRuleset> {
  const loaded = await loadRulesetFile(path);
  if (loaded.value === undefined) throw new Error(`rules do not load: ${JSON.stringify(loaded.diagnostics)}`);
  return loaded.value;
}

export async function tempDir(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'lcz-batch-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export async function records(
  source: BatchSource,
  ruleset: CompiledRuleset,
  options: ReadBatchOptions = {},
): Promise<BatchRecord[]> {
  const all: BatchRecord[] = [];
  for await (const r of readBatch(source, ruleset, options)) all.push(r);
  return all;
}

/** Diagnostics as `line:column code` (and params when asked), for compact assertions. */
export function located(list: readonly BatchRecord[]): string[] {
  return list.flatMap((r) => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`));
}

/** A CSV text from rows of cells (quoted when needed). */
export function csv(rows: readonly (readonly (string | number)[])[], delimiter = ','): string {
  return rows
    .map((cells) =>
      cells
        .map((c) => {
          const s = String(c);
          return /[",;\n\r\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
        })
        .join(delimiter),
    )
    .join('\n')
    .concat('\n');
}

/** The small rules' header by id, and a valid row for it. */
export const SMALL_HEADER = [
  'code',
  'name',
  'unit',
  'year',
  'unit_kind',
  'parent_kind',
  'agricultural',
  'households',
  'households_ok',
  'cleanups',
  'market_occurred',
  'rating',
  'road_kind',
];
export const SMALL_ROW = [
  'B-01',
  'Bản Một',
  'Xã Một',
  '2024',
  'ban',
  'xa',
  'có',
  '100',
  '99',
  '2',
  'không',
  'tot',
  'asphalt',
];
