/**
 * What a generated module says it is, checked before it is used. Apart from the generator so the
 * loader (and the ./runtime entry) carry none of the generator's code. Version 2: the module
 * holds `createEvaluate` beside `createDecide` and `createDecideSlots`. Version 3: levels and
 * points written out; the module needs the plan's points shapes. Version 4: decide returns the
 * results of rt.decisionSummaries (one kept per outcome, no allocation per call).
 */
export const GENERATED_FORMAT = 'lcz-generated-decide';
export const GENERATED_FORMAT_VERSION = 4;

/**
 * What a plan module says it is (plan-module-code.ts, load-plan-module.ts): the generated decide
 * and evaluate above plus the checked plan as data and generated closures, loaded with no compiler.
 */
export const PLAN_MODULE_FORMAT = 'lcz-plan-module';
export const PLAN_MODULE_FORMAT_VERSION = 1;

/**
 * What a plan script says it is (plan-script-code.ts, plan-file.ts): the plan module above and the
 * plan entry's own code in one script, which `./plan-file` compiles with V8's code cache.
 */
export const PLAN_SCRIPT_FORMAT = 'lcz-plan-script';
export const PLAN_SCRIPT_FORMAT_VERSION = 1;
