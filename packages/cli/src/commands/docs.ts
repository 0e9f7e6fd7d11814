/**
 * `lcz docs --rules <rules> [--format md|html] [--assessment <file>] [--out <file>]`: the
 * official table of criteria, generated from the rule file, as Markdown or a printable A4 HTML
 * page; blank (to print and fill in on paper) or, with --assessment, filled in from the
 * evaluation of one assessment. A scheme with points, levels, parameter tables or derived
 * quantities gets a points column, its levels, its tables and its formulas (explain/table/).
 *
 * Headings the rule file has no place for (a scheme's own wording of section II, say) come from
 * an optional `table.yaml` beside ruleset.yaml:
 *
 *   format: 1
 *   criteria: { vi: "Tiêu chí đánh giá", en: "Assessment criteria" }
 *   disqualifiers: { vi: "Các trường hợp không đảm bảo …", en: "Cases …" }
 *   title: { vi: "…", en: "…" }        # optional: defaults to the rule file's source.table
 *
 * Every problem of that file is reported at its line and column, in both languages.
 */
import { access, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { formatDiagnostics, hasErrors, type EvaluationResult, type LocalizedText } from '@lcz/criteria-engine';
import { officialTable, renderTableHtml, renderTableMarkdown, type TableHeadings } from '@lcz/criteria-engine/tools';
import { readAssessmentFile, resolveRulesetPath } from '@lcz/criteria-engine/node';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { DocsOptions } from './docs.usage.js';
import { bilingual, errorReason, EXIT, refuseOutputOverInput, say, writeOutput, type Session } from '../session.js';
import type { CliMessageKey } from '../messages/en.js';
import { loadRulesOrReport, printWarnings, unique } from './load.js';

/** The file beside ruleset.yaml that holds the table's extra headings. */
const TABLE_FILE = 'table.yaml';

export async function docs(options: DocsOptions, session: Session): Promise<number> {
  const { lang } = options;
  await refuseOutputOverInput(session, 'docs', { '--out': options.out }, [options.rules]);
  const loaded = await loadRulesOrReport(options.rules, session, lang, 'rules_invalid_nothing_written');
  if (loaded === undefined) return EXIT.invalid;
  const { ruleset } = loaded;
  await printWarnings(session, lang, loaded.diagnostics);

  const headings = await readHeadings(dirname(await resolveRulesetPath(session.abs(options.rules))), session);
  if (headings === undefined) return EXIT.invalid;

  let result: EvaluationResult | undefined;
  if (options.assessment !== undefined) {
    const read = await readAssessmentFile(session.abs(options.assessment), ruleset);
    const found = session.relocate(unique(read.diagnostics));
    if (read.value === undefined || hasErrors(found)) {
      session.err(formatDiagnostics(found, lang));
      session.err(
        say(lang, 'docs_assessment_invalid', {
          path: options.assessment,
          count: found.filter((d) => d.severity === 'error').length,
        }),
      );
      return EXIT.invalid;
    }
    if (found.length > 0) session.err(formatDiagnostics(found, lang));
    result = ruleset.evaluate(read.value);
  }

  const table = officialTable(ruleset, { lang, headings, ...(result !== undefined ? { result } : {}) });
  const text = options.format === 'html' ? renderTableHtml(table) : `${renderTableMarkdown(table)}\n`;
  if (options.out === undefined) {
    session.out(text);
    return EXIT.ok;
  }
  await writeOutput(session, options.out, text, 'docs');
  session.err(
    result === undefined
      ? say(lang, 'docs_written_blank', { path: options.out, format: options.format })
      : say(lang, 'docs_written_filled', { path: options.out, format: options.format, decision: table.decision.value }),
  );
  return EXIT.ok;
}

// ── table.yaml ─────────────────────────────────────────────────────────────────────────────────

const HEADING_KEYS = ['title', 'criteria', 'disqualifiers'] as const;

function isHeadingKey(key: string): key is (typeof HEADING_KEYS)[number] {
  return HEADING_KEYS.some((k) => k === key);
}

/** A pair's key or value as a node (null when absent), for its position. */
function asNode(value: unknown): Node | null {
  return isNode(value) ? value : null;
}

interface Problem {
  readonly key: CliMessageKey;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The headings of table.yaml beside the rules, {} when there is none; undefined (after printing why) when it is broken. */
async function readHeadings(dir: string, session: Session): Promise<TableHeadings | undefined> {
  const path = join(dir, TABLE_FILE);
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (!exists) return {};
  const file = session.display(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    session.err(
      bilingual('table_file_unreadable', {
        path: file,
        reason: errorReason(error),
      }),
    );
    return undefined;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problems: Problem[] = [];
  const at = (offset: number | undefined) => {
    const { line, col } = lines.linePos(offset ?? 0);
    return `${file}:${line}:${col}`;
  };
  for (const e of doc.errors)
    problems.push({ key: 'table_file_yaml', params: { where: at(e.pos[0]), detail: e.message.split('\n')[0] ?? '' } });
  const headings: { -readonly [K in keyof TableHeadings]: LocalizedText } = {};
  if (problems.length === 0) {
    const root = doc.contents;
    if (!isMap(root)) {
      problems.push({ key: 'table_file_shape', params: { where: at(root?.range?.[0]) } });
    } else {
      for (const pair of root.items) {
        const keyNode = asNode(pair.key);
        const valueNode = asNode(pair.value);
        const key = isScalar(keyNode) ? String(keyNode.value) : '';
        const where = at(keyNode?.range?.[0]);
        if (key === 'format') {
          if (!(isScalar(pair.value) && pair.value.value === 1))
            problems.push({
              key: 'table_file_format',
              params: { where: at(valueNode?.range?.[0] ?? keyNode?.range?.[0]) },
            });
        } else if (isHeadingKey(key)) {
          const value = localized(valueNode);
          if (value === undefined)
            problems.push({
              key: 'table_file_text',
              params: { where: at(valueNode?.range?.[0] ?? keyNode?.range?.[0]), name: key },
            });
          else headings[key] = value;
        } else {
          problems.push({ key: 'table_file_key', params: { where, name: key } });
        }
      }
    }
  }
  if (problems.length === 0) return headings;
  for (const p of problems) session.err(bilingual(p.key, p.params));
  session.err(bilingual('table_file_invalid', { path: file, count: problems.length }));
  return undefined;
}

/** `{ vi: "…", en: "…" }` with two non-empty texts and nothing else, or undefined. */
function localized(node: Node | null): LocalizedText | undefined {
  if (!isMap(node) || node.items.length !== 2) return undefined;
  const out: Partial<Record<'vi' | 'en', string>> = {};
  for (const pair of node.items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : '';
    const v = isScalar(pair.value) ? pair.value.value : undefined;
    if ((k !== 'vi' && k !== 'en') || typeof v !== 'string' || v.trim() === '') return undefined;
    out[k] = v;
  }
  return out.vi !== undefined && out.en !== undefined ? { vi: out.vi, en: out.en } : undefined;
}
