/**
 * `lcz build <rules> [--out file] [--check]`: the compiled rules file of a ruleset (JSON; the
 * rules parsed and validated, with their source positions), which a service or worker loads with
 * `@lcz/criteria-engine/runtime` in a few milliseconds instead of parsing YAML at every start.
 * `--check` writes nothing and fails when the file on disk is not what the rules build now
 * (for CI: a compiled file never drifts from its YAML). Beside it goes the generated decide()
 * module (`x.compiled.decide.mjs`, generate/ in the engine), which loading the compiled file uses,
 * and the plan module (`x.compiled.plan.mjs`) that `@lcz/criteria-engine/plan` loads with nothing
 * compiled, when the ruleset can have one; with it, the plan script (`x.compiled.plan-script.js`,
 * the plan module and the plan entry's code in one script) and its V8 code cache
 * (`x.compiled.plan-script.v8cache`), which `@lcz/criteria-engine/plan-file` loads fastest.
 * `--check` compares the script's text too; the cache is V8's output for this Node, never compared.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { formatDiagnostics, hasErrors } from '@lcz/criteria-engine';
import { buildCompiledRulesFile, planModuleCode, planScriptOf, resolveRulesetPath } from '@lcz/criteria-engine/node';
import { generatedModulePath, planModulePath, planScriptCachePath, planScriptPath } from '@lcz/criteria-engine/runtime';
import { refusalReason } from './build-refusal.js';
import type { BuildOptions } from './build.usage.js';
import { reportInvalidRules } from './load.js';
import { EXIT, refuseOutputOverInput, say, writeOutput, type Session } from '../session.js';

export async function build(options: BuildOptions, session: Session): Promise<number> {
  const { lang } = options;
  const ruleFile = await resolveRulesetPath(session.abs(options.rules));
  const out = options.out !== undefined ? session.abs(options.out) : defaultOut(ruleFile);
  await refuseOutputOverInput(session, 'build', { '--out': out }, [ruleFile]);
  const built = await buildCompiledRulesFile(ruleFile, out);
  const diagnostics = session.relocate(built.diagnostics);
  if (!built.value || hasErrors(diagnostics)) {
    await reportInvalidRules(session, lang, options.rules, diagnostics, 'rules_invalid_nothing_written');
    return EXIT.invalid;
  }
  const { compiled, json, decide } = built.value;
  // The generated decide module goes beside the compiled file (the loader looks for it there).
  const generatedOut = generatedModulePath(out);
  const generated = 'generated' in decide ? decide.generated : undefined;
  // And the plan module (x.compiled.plan.mjs): the checked plan as code and data, for ./plan.
  const planOut = planModulePath(out);
  const plan = planModuleCode(json);
  // And the plan script with its code cache, for ./plan-file (only when there is a plan module).
  const scriptOut = planScriptPath(out);
  const script = 'code' in plan ? planScriptOf(json, scriptOut) : undefined;
  const facts = {
    path: session.display(out),
    id: compiled.id,
    version: compiled.version,
    hash: compiled.hash.slice(0, 'sha256:'.length + 12),
  };
  if (options.check) {
    const onDisk = await readFile(out, 'utf8').catch(() => undefined);
    const codeOnDisk = await readFile(generatedOut, 'utf8').catch(() => undefined);
    const planOnDisk = await readFile(planOut, 'utf8').catch(() => undefined);
    const scriptOnDisk = await readFile(scriptOut, 'utf8').catch(() => undefined);
    const planFits = !('code' in plan) || planOnDisk === plan.code;
    const scriptFits = script === undefined || !('code' in script) || scriptOnDisk === script.code;
    if (onDisk === json && (generated === undefined || codeOnDisk === generated.code) && planFits && scriptFits) {
      session.out(say(lang, 'build_up_to_date', facts));
      return EXIT.ok;
    }
    const codeFits = generated === undefined || codeOnDisk === generated.code;
    const stale = onDisk !== json ? out : !codeFits ? generatedOut : !planFits ? planOut : scriptOut;
    const missing =
      onDisk === undefined ||
      (onDisk === json &&
        (!codeFits ? codeOnDisk === undefined : !planFits ? planOnDisk === undefined : scriptOnDisk === undefined));
    session.err(
      say(lang, missing ? 'build_check_missing' : 'build_check_stale', {
        ...facts,
        path: session.display(stale),
        rules: options.rules,
      }),
    );
    return EXIT.invalid;
  }
  await writeOutput(session, out, json, 'build');
  session.out(
    say(lang, 'build_written', { ...facts, kb: Math.round(json.length / 1024), sources: compiled.sources.length }),
  );
  const shown = { id: compiled.id, compiled: session.display(out) };
  // A refusal names the rule file as the compiled file stores it: relative to the compiled file's folder.
  const placeOf = (file: string) => session.display(isAbsolute(file) ? file : join(dirname(out), file));
  if (generated) {
    await writeOutput(session, generatedOut, generated.code, 'build');
    session.out(
      say(lang, 'build_generated_written', {
        ...shown,
        path: session.display(generatedOut),
        inlined: generated.inlined,
        closures: generated.closures,
      }),
    );
  } else if ('refused' in decide)
    session.out(
      say(lang, 'build_generated_refused', {
        ...shown,
        reason: refusalReason(lang, decide.reason, placeOf),
      }),
    );
  if ('code' in plan) {
    await writeOutput(session, planOut, plan.code, 'build');
    session.out(
      say(lang, 'build_plan_written', {
        ...shown,
        path: session.display(planOut),
        kb: Math.round(plan.code.length / 1024),
      }),
    );
  } else
    session.out(
      say(lang, 'build_plan_refused', {
        ...shown,
        reason: refusalReason(lang, plan.reason, placeOf),
      }),
    );
  if (script !== undefined && 'code' in script) {
    const cacheOut = planScriptCachePath(scriptOut);
    await writeOutput(session, scriptOut, script.code, 'build');
    await writeOutput(session, cacheOut, script.cache, 'build');
    session.out(
      say(lang, 'build_plan_script_written', {
        ...shown,
        path: session.display(scriptOut),
        cache: session.display(cacheOut),
        kb: Math.round(Buffer.byteLength(script.code) / 1024),
        cacheKb: Math.round(script.cache.length / 1024),
      }),
    );
  } else if (script !== undefined)
    session.out(
      say(lang, 'build_plan_script_refused', {
        ...shown,
        reason: refusalReason(lang, script.reason, placeOf),
      }),
    );
  if (diagnostics.length > 0) session.out(formatDiagnostics(diagnostics, lang));
  return EXIT.ok;
}

/** Beside the rule file: rules/x/ruleset.yaml → rules/x/ruleset.compiled.json. */
function defaultOut(ruleFile: string): string {
  return join(dirname(ruleFile), `${basename(ruleFile).replace(/\.ya?ml$/i, '')}.compiled.json`);
}
