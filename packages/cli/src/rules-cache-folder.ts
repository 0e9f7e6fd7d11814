/**
 * Where `lcz` keeps its compiled-rules cache (the engine's rules-cache.ts): the user's cache
 * folder, never beside the rules unless asked. LCZ_CACHE_DIR names the folder outright (it may be
 * anywhere, beside the rules too); LCZ_CACHE=0 turns the cache off. Otherwise XDG_CACHE_HOME,
 * then LOCALAPPDATA on Windows, then ~/.cache, each + lcz/compiled-rules. Read from the session's
 * environment only, so a command run without one (tests pass `env: {}`) keeps no cache.
 */
import type { RulesCache, RulesCacheNote } from '@lcz/criteria-engine/node';
import { rulesCacheFolder } from './cache-folder.js';
import { bilingual, type Session } from './session.js';

export { rulesCacheFolder };

let rulesRead = false;
let whenRead: (() => void) | undefined;

/** Whether a cache of this process loaded rules from their files (a miss) rather than an entry. */
export function rulesReadFromFiles(): boolean {
  return rulesRead;
}

/** `listener` is called once, before a cache of this process first loads rules from their files. */
export function onRulesReadFromFiles(listener: () => void): void {
  whenRead = listener;
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
    loaded: (from) => {
      if (from !== 'rules' || rulesRead) return;
      rulesRead = true;
      whenRead?.();
    },
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
