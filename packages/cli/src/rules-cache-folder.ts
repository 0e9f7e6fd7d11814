/**
 * Where `lcz` keeps its compiled-rules cache (the engine's rules-cache.ts): the user's cache
 * folder, never beside the rules unless asked. LCZ_CACHE_DIR names the folder outright (it may be
 * anywhere, beside the rules too); LCZ_CACHE=0 turns the cache off. Otherwise XDG_CACHE_HOME,
 * then LOCALAPPDATA on Windows, then ~/.cache, each + lcz/compiled-rules. Read from the session's
 * environment only, so a command run without one (tests pass `env: {}`) keeps no cache.
 */
import { join } from 'node:path';
import type { RulesCache, RulesCacheNote } from '@lcz/criteria-engine/node';
import { bilingual, type Session } from './session.js';

export function rulesCacheFolder(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const off = env['LCZ_CACHE'];
  if (off !== undefined && ['0', 'false', 'off', 'no'].includes(off.toLowerCase())) return undefined;
  const given = env['LCZ_CACHE_DIR'];
  if (given) return given;
  const base =
    env['XDG_CACHE_HOME'] ||
    (platform === 'win32' ? env['LOCALAPPDATA'] : undefined) ||
    (env['HOME'] ? join(env['HOME'], '.cache') : undefined);
  return base ? join(base, 'lcz', 'compiled-rules') : undefined;
}

/**
 * The cache for this session's commands, its notes on standard error; undefined when there is none.
 * `generatedDecide`: for a command that decides many assessments (a batch with --decisions-only),
 * decide through the generated module kept in the cache (the engine's rules-cache.ts).
 */
export function rulesCacheFor(session: Session, generatedDecide = false): RulesCache | undefined {
  const dir = rulesCacheFolder(session.env);
  if (dir === undefined) return undefined;
  const said = new Set<string>();
  return {
    dir: session.abs(dir),
    ...(generatedDecide ? { generatedDecide } : {}),
    note: (note: RulesCacheNote) => {
      // One note per entry and reason per run: a command that loads the rules twice says it once.
      const key = `${note.reason}\u0000${note.entry}`;
      if (said.has(key)) return;
      said.add(key);
      const detail = note.reason === 'changed' ? session.display(note.detail) : note.detail;
      session.err(bilingual(`rules_cache_${note.reason}`, { entry: note.entry, detail }).trimEnd());
    },
  };
}
