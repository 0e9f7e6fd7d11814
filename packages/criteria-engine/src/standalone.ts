/**
 * @lcz/criteria-engine/standalone — the runtime entry (`./runtime`) built as one file that shares
 * no code with the other entry points. Node loads an ES module graph file by file (resolve, read,
 * compile, link: about a millisecond each on a cold start), and the split build gives `./runtime`
 * ten files; this gives it one. For a program that only loads a compiled rules file and evaluates
 * (a serverless function, a script started per request). The API is `./runtime`'s, word for word.
 *
 * Because it shares no code, a ruleset loaded here is known only to this entry's own functions
 * (`compiledRulesOf`, `usesGeneratedDecide`): a program that also uses the other entry points
 * should import `./runtime`, which shares their code.
 */
export * from './runtime.js';
