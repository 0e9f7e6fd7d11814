/**
 * Diagnostic codes that other packages own (the batch package's `batch_*`: a file that cannot be
 * read, a header, a cell). The engine names none of them: a package adds its codes to the type
 * of a diagnostic by declaration merging, and its messages to the formatter at load, so that
 * `formatDiagnostics` and `renderMessage` print its diagnostics beside the engine's own:
 *
 *     declare module '@lcz/criteria-engine' {
 *       interface RegisteredDiagnosticParams extends MyParamsByCode {}
 *     }
 *     registerDiagnostics({ codes: MY_CODES, messages: { vi, en } });
 *
 * A package registers in the module that makes its diagnostics, so no diagnostic of it exists
 * before its messages do.
 */
import { DIAGNOSTIC_CODES, type EngineDiagnosticCode } from './codes.js';
import type { Locale, MessageParams, RenderedMessage } from './messages/catalog.js';

/**
 * Code → params of the codes other packages register; empty here, filled by their
 * `declare module` blocks. Its keys join `DiagnosticCode`, its values `DiagnosticParams`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: the extension point, filled by declaration merging
export interface RegisteredDiagnosticParams {}

/** A package's codes and, for each language, a message and a hint per code. */
export interface DiagnosticMessages<C extends string = string> {
  readonly codes: readonly C[];
  readonly messages: Readonly<Record<Locale, Readonly<Record<C, (p: MessageParams) => RenderedMessage>>>>;
}

const ENGINE_CODES: ReadonlySet<string> = new Set(DIAGNOSTIC_CODES);

/** Whether a code is one of the engine's own (its catalogues have it). */
export function isEngineCode(code: string): code is EngineDiagnosticCode {
  return ENGINE_CODES.has(code);
}

type Registry = Map<string, Readonly<Record<Locale, (p: MessageParams) => RenderedMessage>>>;

/**
 * One registry per process, not one per copy of this module. A program may load the engine
 * twice (its ES module build and its CommonJS build: the dual-package hazard), and a package
 * that registers its codes through one copy must be worded by the other too, not printed as a
 * bare code. The key is a registered symbol, so both copies find the same map.
 */
const REGISTRY = Symbol.for('@lcz/criteria-engine/registered-diagnostics');

function sharedRegistry(): Registry {
  const found: unknown = Reflect.get(globalThis, REGISTRY);
  if (found instanceof Map) return found;
  const made: Registry = new Map();
  Object.defineProperty(globalThis, REGISTRY, { value: made, enumerable: false });
  return made;
}

const registered = sharedRegistry();

/**
 * Adds a package's codes and messages to the formatter. A code of the engine's own cannot be
 * taken over; registering a code again (the package loaded twice) replaces its messages.
 */
export function registerDiagnostics<C extends string>(catalogue: DiagnosticMessages<C>): void {
  for (const code of catalogue.codes) {
    if (ENGINE_CODES.has(code)) throw new Error(`registerDiagnostics: ${code} is a code of the engine`);
    const vi = catalogue.messages.vi[code];
    const en = catalogue.messages.en[code];
    if (typeof vi !== 'function' || typeof en !== 'function')
      throw new Error(`registerDiagnostics: ${code} needs a message in vi and en`);
    registered.set(code, { vi, en });
  }
}

/** The message of a registered code in one language; undefined when no package registered it. */
export function registeredMessage(code: string, lang: Locale): ((p: MessageParams) => RenderedMessage) | undefined {
  return registered.get(code)?.[lang];
}

/**
 * The text of a code that no package registered (a package that makes diagnostics without
 * registering its messages): the code and its params, so nothing is lost.
 */
export function unregisteredMessage(code: string, p: MessageParams, lang: Locale): RenderedMessage {
  const params = JSON.stringify(p);
  return lang === 'vi'
    ? {
        message: `Chẩn đoán ${code} ${params}.`,
        hint: `Gói tạo ra mã ${code} chưa đăng ký thông báo của nó (registerDiagnostics).`,
      }
    : {
        message: `Diagnostic ${code} ${params}.`,
        hint: `The package that raises ${code} has not registered its messages (registerDiagnostics).`,
      };
}
