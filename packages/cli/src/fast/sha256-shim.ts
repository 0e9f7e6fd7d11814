/**
 * Stands for `@noble/hashes/sha2.js` in the one-file bundle (tsup.fast.config.ts): the engine
 * hashes a ruleset's text (load-ruleset.ts, the compiled file's `hash`) with the JavaScript
 * SHA-256 it can also run in a browser; here, Node's own. The same digest, without compiling and
 * interpreting the JavaScript one on a first run (the rules' 85 kB: 2% of an empty-cache run).
 */
import { createHash } from 'node:crypto';

export function sha256(data: Uint8Array): Uint8Array {
  return createHash('sha256').update(data).digest();
}
