/**
 * Where `lcz` keeps its compiled-rules cache (the engine's rules-cache.ts): the user's cache
 * folder, never beside the rules unless asked. LCZ_CACHE_DIR names the folder outright (it may be
 * anywhere, beside the rules too); LCZ_CACHE=0 turns the cache off. Otherwise XDG_CACHE_HOME,
 * then LOCALAPPDATA on Windows, then ~/.cache, each + lcz/compiled-rules. Read from the session's
 * environment only, so a command run without one (tests pass `env: {}`) keeps no cache.
 *
 * No other import: the launcher of the one-file bundle (fast/launch.ts) keeps its code cache here
 * too, before any of the CLI is loaded.
 */
import { join } from 'node:path';

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
