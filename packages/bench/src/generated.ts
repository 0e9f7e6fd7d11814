/**
 * The generated decide (`lcz build`'s .decide.mjs, the engine's generate/) for the bench rows:
 * generated from the compiled rules file the runtime rows load, written beside it, imported, and
 * bound by `loadCompiledRuleset(text, { generated })`, as a service that ships both files does.
 */
import { writeFileSync } from 'node:fs';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import type * as sourceEngine from '@lcz/criteria-engine';
import { importGeneratedBeside } from '@lcz/criteria-engine/node';

export async function loadGeneratedRuleset(
  engine: typeof sourceEngine,
  compiledText: string,
  compiledFile: string,
): Promise<CompiledRuleset> {
  const plain = engine.loadCompiledRuleset(compiledText).value;
  if (!plain) throw new Error('the compiled rules file does not load');
  const outcome = engine.generateDecideCode(plain, engine.ENGINE_VERSION);
  if (!('generated' in outcome)) throw new Error(`no generated decide: ${outcome.refused}`);
  const file = engine.generatedModulePath(compiledFile);
  writeFileSync(file, outcome.generated.code);
  // Imported as `./node` imports the one beside a compiled file (loadCompiledRuleset refuses one
  // made for other rules).
  const generated = await importGeneratedBeside(compiledFile);
  if (generated === undefined) throw new Error(`the generated decide was not written: ${file}`);
  const loaded = engine.loadCompiledRuleset(compiledText, { generated });
  if (!loaded.value || !engine.usesGeneratedDecide(loaded.value))
    throw new Error(`the generated decide was refused: ${loaded.diagnostics.map((d) => d.code).join(', ')}`);
  return loaded.value;
}
