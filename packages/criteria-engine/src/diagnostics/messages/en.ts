/**
 * English messages, written for policy staff who edit rule files: what is wrong, what is valid,
 * and an example of the fix. Params follow the contract in docs/errors.md.
 */
import { interpolate } from '../interpolate.js';
import { hasParam, lookup, param as s, typeList } from './catalog.js';
import type { MessageCatalog, MessageParams, RenderedMessage } from './catalog.js';
import { levelExample, rowExample, type SchemaTypeHint, schemaTypeHint, shapeProblem } from './hints.js';
import { analyzeEn } from './analyze-en.js';

const TYPES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  int: 'a whole number',
  boolean: 'true or false',
  null: 'nothing (an empty value)',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  assessment: 'a mapping with context: and facts:',
  non_finite_number: 'an infinite or not-a-number value (.inf, .nan)',
  percent: 'a percentage',
  equality: 'an == or != comparison (yes/no values and unordered lists have no order)',
  same_type: 'the same type on both sides',
  fact_name: 'a fact name',
  percent_0_100: 'a number from 0 to 100',
  enum: 'a value of a list',
  ordinal: 'a rating level',
  error: 'an expression with an error',
};

/** What an expression's syntax error expected, and found at its end (codes from the lexer and parser). */
const EXPR_TOKENS: Readonly<Record<string, string>> = {
  token: 'an operator, a name, a number or a quoted value',
  operator: 'an operator such as and, or, ==, >=',
  operand: 'a value, a name or (',
  chain: 'and / or between two comparisons (write a >= 1 and a <= 5)',
  '': 'the end of the expression',
};

const WHERE: Readonly<Record<string, string>> = {
  comparison: 'a comparison',
  percent_comparison: 'a percentage comparison',
  condition: 'a condition',
};

const OUTSIDE_REASONS: Readonly<Record<string, string>> = {
  absolute: 'an absolute path',
  outside: 'its .. climbs out of',
  link: 'a link in it leads out of',
};

const INCLUDE_REASONS: Readonly<Record<string, string>> = {
  not_found: 'the file is missing or unreadable',
  not_fragment: 'the file does not declare kind: fragment',
  fragment_content: 'a fragment may hold only facts, parameters and definitions',
  nested: 'a fragment may not include other files',
  no_reader: 'this loader reads no files (use loadRulesetFile, or pass readInclude)',
  invalid: 'the file has errors (see the errors reported in it)',
};

const COMPILED_REASONS: Readonly<Record<string, string>> = {
  json: 'it is not valid JSON',
  format: 'it is not a compiled rules file, or a part of it is missing',
  damaged: 'its rule documents are damaged (was it edited by hand?)',
};

const RELATION_REASONS: Readonly<Record<string, string>> = {
  not_counts: 'both must be integers, or both numbers',
  cycle: 'the part_of chain loops back to itself',
};

const COMPARISONS: Readonly<Record<string, string>> = {
  '>=': 'at least',
  '<=': 'at most',
  '>': 'more than',
  '<': 'less than',
};

/** What each pattern of the schema means, in words. */
const PATTERNS: Readonly<Record<string, string>> = {
  '^[a-z][a-z0-9_]*$': 'a lowercase letter, then only lowercase letters without accents, digits or underscores',
  '^[a-z0-9][a-z0-9-]*$': 'only lowercase letters without accents, digits and hyphens',
  '^\\d{4}-\\d{2}-\\d{2}$': 'a date written YYYY-MM-DD',
  '^[1-9][0-9]*$': 'a standard number, in quotes, such as "1"',
  '^[1-9][0-9]*\\.[1-9][0-9]*$': 'a criterion number "standard.number", in quotes, such as "1.3"',
  '^D[1-9][0-9]*$': 'the letter D followed by a number, such as D1',
  '^https?://\\S+$': 'a web address starting with http:// or https://',
};

/** Examples for keys that are often forgotten. */
const REQUIRED_EXAMPLES: Readonly<Record<string, string>> = {
  vi: 'vi: "Tiêu chuẩn 1"',
  en: 'en: "Standard 1"',
  if_whole_zero: 'if_whole_zero: fail   (or pass: the result when the whole is 0)',
  no_variant: 'no_variant: not_applicable   (or fail: what happens when no variant applies)',
  not_applicable: 'not_applicable: exclude   (or fail: how a not-applicable criterion counts)',
  format: 'format: 1',
  label: 'label: { vi: "Tổng số", en: "Total" }',
  group_requirement: 'group_requirement: { at_least_percent: 80 }',
  condition: 'condition: { fact: has_plan, is: true }',
  values: 'values:\n    - { id: large, label: { vi: "Lớn", en: "Large" } }',
};

const YAML_REASONS: Readonly<Record<string, string>> = {
  BAD_INDENT: 'the indentation is wrong: items of one mapping or list must start in the same column',
  TAB_AS_INDENT: 'a tab is used for indentation; YAML allows spaces only',
  MISSING_CHAR: 'a required character is missing here',
  MISSING_QUOTE: 'a closing quote is missing',
  MISSING_DASH: 'a list item is missing its "- " (or the line is indented too far)',
  MISSING_COLON: 'a key is not followed by a colon and a value',
  MISSING_COMMA: 'a comma is missing between items inside [ ] or { }',
  MISSING_SPACE: 'a space is missing after ":" inside { }',
  COMMENT_SPACE: 'a # comment must be separated from the text before it by a space',
  UNEXPECTED_TOKEN: 'there is unexpected text here',
  MULTILINE_IMPLICIT_KEY: 'a key runs over several lines (a colon is probably missing on the line before)',
  BLOCK_AS_IMPLICIT_KEY: 'an indented block is used as a key',
  NON_STRING_KEY: 'a key must be plain text, not a list or a mapping',
  BAD_ALIAS: 'an alias (*name) refers to an anchor (&name) that is not defined before it',
  BAD_DQ_ESCAPE: 'a backslash sequence in double quotes is invalid (write \\\\ for a backslash)',
  BAD_SCALAR_START: 'a value cannot start with this character unless it is in quotes',
  KEY_OVER_1024_CHARS: 'a key is longer than 1024 characters',
  MULTIPLE_ANCHORS: 'a value has more than one anchor (&name)',
  MULTIPLE_TAGS: 'a value has more than one tag',
  ALIAS_PROPS: 'an alias (*name) cannot have an anchor or a tag',
  BAD_PROP_ORDER: 'an anchor or tag is in the wrong place',
  BLOCK_IN_FLOW: 'an indented block appears inside [ ] or { }',
  BAD_DIRECTIVE: 'a line starting with % is not a known directive',
  BAD_COLLECTION_TYPE: 'the kind of collection does not match its tag',
  IMPOSSIBLE: 'the YAML cannot be read here',
};

const DUPLICATE_KINDS: Readonly<Record<string, string>> = {
  group: 'standard',
  criterion: 'criterion',
  disqualifier: 'disqualifier',
  level: 'level',
  variant: 'variant',
  value: 'value',
  name: 'name',
  fact: 'fact',
  context: 'context attribute',
  parameter: 'parameter',
};

const EXPRESSION_LIMITS: Readonly<Record<string, string>> = {
  maxExpressionLength: 'is too long: {value} characters (limit {max})',
  maxExpressionDepth: 'is nested too deeply: {value} levels (limit {max})',
  maxExpressionNodes: 'has too many parts: {value} (limit {max})',
};

function t(type: string): string {
  return typeList(TYPES, type, ' or ');
}

function didYouMean(p: MessageParams, key = 'suggestion'): string {
  return hasParam(p, key) ? `Did you mean "${s(p, key)}"? ` : '';
}

/** A template's `{name}`s filled; an absent param is left out, as `s` leaves it out. */
function fill(template: string, p: MessageParams): string {
  return interpolate(template, p, () => '');
}

/** The hint for each kind of wrong type (hints.ts decides which). */
const SCHEMA_TYPE_HINTS: Readonly<Record<SchemaTypeHint, (expected: string) => string>> = {
  quote_text: () => 'Put the value in double quotes so it is read as text, e.g. id: "1" or version: "2020-2025".',
  mapping: () => 'Write key: value lines indented under this key, e.g.\n  title:\n    vi: "…"\n    en: "…"',
  list: () => 'Write a list: one item per line, each line starting with "- ".',
  whole_number: () => 'Use a whole number without decimals, e.g. 80.',
  boolean: () => 'Write true or false, without quotes.',
  empty: () => 'Write a value after the colon; an empty value is not allowed here.',
  drop_percent: () => 'Remove the % sign and the quotes: the key already says it is a percentage, e.g. at_least: 99.',
  name_as_number: () =>
    'Write a number here. A name (a parameter) is read only in an expression or as the threshold of a fact condition, { fact: f, at_least: name }; for a percentage, write the condition as an expression, e.g. condition: "percent(part, whole, 0) >= name".',
  decimal_comma: () => 'Write the decimal with a point, e.g. 2.5: with a comma, 2,5 is read as text.',
  decimal_comma_whole: () =>
    'A whole number is needed here, and 2,5 is a decimal (written with a comma). Points are whole numbers: a scheme that gives half points counts every point and threshold in halves (2.5 points → 5).',
  change_type: (expected) => `Change the value to ${t(expected)}.`,
};

function shapeMessage(p: MessageParams): RenderedMessage {
  const found = s(p, 'actual');
  switch (shapeProblem(p)) {
    case 'condition':
      return {
        message: 'A condition needs one of: fact, percent, all, any, not, or an expression string.',
        hint:
          `${didYouMean(p)}Examples:\n` +
          '  condition: { fact: has_plan, is: true }\n' +
          '  condition: { percent: { part: items_done, whole: total_items }, at_least: 98, if_whole_zero: fail }\n' +
          '  condition: "total_items >= 30"',
      };
    case 'fact_comparison':
      return {
        message: `A fact condition needs exactly one of: is, at_least, at_most, equals (found: ${found}).`,
        hint: 'Keep "fact" and one comparison, e.g. { fact: total_items, at_least: 30 } or { fact: has_plan, is: true }.',
      };
    case 'percent_comparison':
      return {
        message: `A percent condition needs at_least or at_most (found: ${found}).`,
        hint: 'Example: { percent: { part: items_done, whole: total_items }, at_least: 98, if_whole_zero: fail }',
      };
    case 'requirement':
      return {
        message: `A requirement needs exactly one of: at_least_percent, at_least_count, at_least_points (found: ${found}).`,
        hint: 'Example: requirement: { at_least_percent: 80 }. "All must pass" is at_least_percent: 100.',
      };
    case 'criterion_both':
      return {
        message: 'This criterion has both "condition" and "variants"; it needs exactly one of them.',
        hint: 'Use "condition" for one rule for every unit, or "variants" when the rule depends on the context (each variant has its own when: and condition:).',
      };
    case 'criterion_neither':
      return {
        message: 'This criterion has neither "condition" nor "variants"; it needs exactly one of them.',
        hint: 'Use "condition" for one rule for every unit, or "variants" when the rule depends on the context (each variant has its own when: and condition:).',
      };
    default:
      return {
        message: `This value does not have an allowed form; it needs one of: ${s(p, 'expected')}.`,
        hint: 'See docs/rule-format.md for the allowed forms.',
      };
  }
}

/** 19949 → 19,949 (en) or 19.949 (vi): counts people read at a glance. */
function grouped(p: MessageParams, name: string, separator: string): string {
  return s(p, name).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A batch file's cell, as a hint names it: `cell G3, column "<its header>"` (the batch package sets both). */
const inCell = (p: MessageParams): string =>
  `cell ${s(p, 'cell')}${hasParam(p, 'column_name') ? `, column "${s(p, 'column_name')}"` : ''}`;

export const en: MessageCatalog = {
  diagnostics_omitted: (p) => ({
    message: `… and ${grouped(p, 'count', ',')} more ${s(p, 'scope') === 'row' ? 'on this row' : 'in this file'}, not shown (${grouped(p, 'errors', ',')} of them errors).`,
    hint: 'Only the first problems are shown so that the output stays readable. Fix those and run again; the same cause often explains the rest.',
  }),
  // analyze/: the static checks (lcz check), in analyze-en.ts
  ...analyzeEn,
  // Reading files
  file_not_found: (p) => ({
    message: `File not found: ${s(p, 'path')}.`,
    hint: 'Check the folder and the file name.',
  }),
  file_unreadable: (p) => ({
    message: `The file ${s(p, 'path')} cannot be read (${s(p, 'detail')}).`,
    hint: 'Check that the file is not open elsewhere, that you may read it, and that it is a text file saved as UTF-8.',
  }),
  file_outside_root: (p) => ({
    message: `The file "${s(p, 'path')}" is not read: ${lookup(OUTSIDE_REASONS, s(p, 'reason'))} the folder ${s(p, 'root')}. Files named in a rule or test file must stay inside that folder.`,
    hint: 'Name the file relative to this file\'s folder, without leaving it, e.g. include: ["shared/contents.yaml"]. To share files between rulesets, put a file named .lcz-root in the folder that holds them all (e.g. rules/.lcz-root).',
  }),
  text_encoding: (p) => ({
    message: !hasParam(p, 'encoding')
      ? `The text of ${s(p, 'path')} is not UTF-8: byte ${s(p, 'offset')} (0x${s(p, 'byte')}) is not a UTF-8 character, so letters such as "ệ" would be lost. It was saved in another encoding (Latin-1, Windows-1258, TCVN3…).`
      : s(p, 'encoding') === 'replacement'
        ? `This cell of ${s(p, 'path')} holds "\\uFFFD", the mark left where bytes were not UTF-8: the original text is lost.`
        : `${s(p, 'path')} is saved as UTF-16 (${s(p, 'encoding')}, "Unicode" in Notepad), not UTF-8.`,
    hint: hasParam(p, 'option')
      ? `If the file was saved by Vietnamese Windows or Excel ("CSV (Comma delimited)"), read it as it is with ${s(p, 'option')} (another encoding: its name, e.g. --encoding windows-1252); or save it as UTF-8 (Excel: "CSV UTF-8 (Comma delimited)"; LibreOffice: character set "Unicode (UTF-8)") and run again.`
      : 'Save the file as UTF-8 (Excel: "CSV UTF-8 (Comma delimited)"; Notepad: Save as… > Encoding: UTF-8), then run again.',
  }),
  expr_division_outside_derived: () => ({
    message: 'Division (/) is allowed only in the value of a derived quantity.',
    hint: 'Declare the ratio under derived: with its if_zero (what a zero divisor means), e.g. per_member: { value: "total / members", if_zero: unknown }, and compare that name; or use percent(part, whole, if_zero).',
  }),
  derived_if_zero_missing: (p) => ({
    message: `The derived quantity "${s(p, 'name')}" divides, but does not say what its value is when a divisor is 0.`,
    hint: 'Add if_zero: unknown (the criteria that read it stay undetermined) or if_zero: <a number> (the value to use). It is a policy choice, so it is never assumed.',
  }),
  parameter_key_unknown: (p) => ({
    message: `The table "${s(p, 'parameter')}" is keyed by "${s(p, 'name')}", which is not a context attribute.`,
    hint: `A table is keyed by context attributes (enum or boolean): ${s(p, 'allowed') || 'declare one under context:'}.`,
  }),
  parameter_key_value: (p) =>
    s(p, 'name') === 'value'
      ? {
          message: `Row ${s(p, 'row')} of the table "${s(p, 'parameter')}": its value "${s(p, 'value')}" is not a number.`,
          hint: "Write the number alone, without quotes, a % sign or a unit (the parameter's unit says it), and with a point for decimals: value: 3, value: 10.5.",
        }
      : {
          message: `Row ${s(p, 'row')} of the table "${s(p, 'parameter')}": "${s(p, 'value')}" is not a value of ${s(p, 'name')}.`,
          hint: `Allowed values: ${s(p, 'allowed')}.`,
        },
  parameter_row_keys: (p) => ({
    message: `Row ${s(p, 'row')} of the table "${s(p, 'parameter')}" must name a value of each key (${s(p, 'keys')}) and value, and nothing else; "${s(p, 'name')}" is missing or not a key.`,
    hint: `Write each row like ${rowExample(p)}: one entry per key listed under by:, and value.`,
  }),
  expr_number_inexact: (p) => ({
    message: `The number ${s(p, 'value')} cannot be held exactly: a whole number may be at most ${s(p, 'max')}, and a number at most 15 significant digits. It would be rounded, so it is refused.`,
    hint: 'Write the number the rule means, within those bounds, e.g. total_items >= 1000000.',
  }),
  file_too_large: (p) => ({
    message: `The file ${s(p, 'path')} is ${s(p, 'size')} bytes; the limit is ${s(p, 'max')} bytes.`,
    hint:
      s(p, 'kind') === 'assessment'
        ? 'An assessment is a short YAML or JSON file about one assessed unit. Check that this is the right file; many assessments go in a batch file (CSV, XLSX, JSON Lines), read row by row without this limit.'
        : 'A rule file is short text. Check that this is the right file (not a spreadsheet or a PDF).',
  }),

  // parse/
  yaml_syntax: (p) => {
    const reason = s(p, 'reason');
    const known = Object.hasOwn(YAML_REASONS, reason);
    return {
      message: known
        ? `The YAML cannot be read: ${lookup(YAML_REASONS, reason)}${hasParam(p, 'detail') ? ` (${s(p, 'detail')})` : ''}.`
        : `The YAML cannot be read: ${s(p, 'detail')}.`,
      hint: 'Check, on this line and the one before: indentation with spaces (not tabs), a colon and a space after each key, and matching quotes and brackets.',
    };
  },
  yaml_indentation: (p) => {
    const block =
      s(p, 'last_line') === s(p, 'line') ? `line ${s(p, 'line')}` : `lines ${s(p, 'line')}–${s(p, 'last_line')}`;
    return {
      message: `Check the indentation of line ${s(p, 'line')}: it sits to the left of where it belongs, so the keys under it land one level off (the "missing key" or "cannot be read" errors of this block all come from that).`,
      hint: `Indent ${block} by ${s(p, 'spaces')} more ${s(p, 'spaces') === '1' ? 'space' : 'spaces'} (line ${s(p, 'line')} then starts at column ${s(p, 'column')}, in line with the keys of the same level above), then check again. Indent with spaces, never tabs.`,
    };
  },
  yaml_tab_indentation: (p) => ({
    message: `This line is indented with a tab: YAML indents with spaces only, and a tab makes the lines around it read wrong (it was read here as ${s(p, 'spaces')} ${s(p, 'spaces') === '1' ? 'space' : 'spaces'}, in line with the lines around it, to check the rest of the file).`,
    hint: `Replace the tab (and any spaces before the first word) with ${s(p, 'spaces')} ${s(p, 'spaces') === '1' ? 'space' : 'spaces'}; set the editor to insert spaces when Tab is pressed.`,
  }),
  yaml_duplicate_key: (p) => ({
    message: hasParam(p, 'first_line')
      ? `The key "${s(p, 'key')}" appears twice in the same mapping (first on line ${s(p, 'first_line')}).`
      : `The key "${s(p, 'key')}" appears twice in the same mapping.`,
    hint: 'Each key may appear once per level: merge the two entries or delete one.',
  }),
  yaml_version_directive: (p) => ({
    message: `The file declares "%YAML ${s(p, 'version')}"; rule files are YAML 1.2.`,
    hint: `Delete the line "%YAML ${s(p, 'version')}" at the top of the file.`,
  }),
  yaml_unsupported_tag: (p) => ({
    message: `The tag ${s(p, 'tag')} is not allowed: rule files contain plain values only.`,
    hint: `Remove "${s(p, 'tag')}" and write the value as text, a number, true/false, a list or a mapping. Dates are text: from: "2020-01-01".`,
  }),
  yaml_self_alias: (p) => ({
    message: `The alias *${s(p, 'alias')} refers to the block that contains it, so it would repeat forever.`,
    hint: `Write the content out instead of *${s(p, 'alias')}, or point the alias at an anchor outside this block.`,
  }),
  yaml_alias_limit: (p) => ({
    message: `Aliases (*name) are expanded more than ${s(p, 'max')} times in this file.`,
    hint: 'Write the repeated content out, or use fewer aliases. The limit protects against files that expand to enormous sizes.',
  }),
  yaml_depth_limit: (p) => ({
    message: `Values are nested more than ${s(p, 'max')} levels deep here.`,
    hint: 'A rule file or an assessment needs only a few levels. Check the indentation and brackets here: an unclosed [ or { often causes this.',
  }),
  yaml_scalar_too_long: (p) => ({
    message: `The value that starts here is ${s(p, 'length')} characters long, past the limit of ${s(p, 'max')} for one value.`,
    hint: 'Names, labels and notes in a rule file need a few sentences at most. Check for long content pasted here by mistake, or a missing closing quote that pulled the rest of the file into this value.',
  }),
  yaml_unsafe_key: (p) => ({
    message: `The key "${s(p, 'key')}" is not allowed (it has a special meaning in JavaScript).`,
    hint:
      s(p, 'kind') === 'assessment'
        ? 'Rename the key: an assessment names the facts and context of its rules (docs/cli.md, "Assessment files"; lcz template writes one to fill in).'
        : 'Rename the key. The allowed keys are described in docs/rule-format.md.',
  }),
  yaml_integer_too_large: (p) => ({
    message: `The number ${s(p, 'value')} is too large: whole numbers must lie between -${s(p, 'max')} and ${s(p, 'max')}.`,
    hint: `Check for extra digits. If it is a code rather than a quantity, put it in quotes: "${s(p, 'value')}".`,
  }),
  yaml_number_inexact: (p) => ({
    message: `The number ${s(p, 'value')} has more digits than can be read exactly: it would be read as ${s(p, 'read')}.`,
    hint: 'Write the number as it was counted or measured, with the digits that matter (e.g. 212 or 98.5). Nothing is rounded for you.',
  }),
  yaml_number_not_decimal: (p) => ({
    message: hasParam(p, 'decimal')
      ? `${s(p, 'value')} is a number written in another base than decimal (it would be read as ${s(p, 'decimal')}).`
      : `${s(p, 'value')} is not a number that was counted or measured (it would be read as ${s(p, 'value').toLowerCase().includes('nan') ? 'not-a-number' : 'infinity'}).`,
    hint: hasParam(p, 'decimal')
      ? `Write the decimal number (${s(p, 'decimal')}) with digits 0–9 only; if the text itself is meant (a code), put it in quotes.`
      : 'Write a decimal number with digits 0–9, or leave the value out if it is not known.',
  }),
  yaml_nul_byte: () => ({
    message: 'The file contains a NUL character (code 0), which text files never contain.',
    hint: 'Save the file again as UTF-8 text. It may have been saved as UTF-16, or it may not be a text file.',
  }),
  yaml_cr_line_ends: () => ({
    message: 'The file ends lines with a CR character alone (old Mac style), so it would be read as one line.',
    hint: 'Save the file again with LF (or CRLF) line ends: in your editor choose "End of Line: LF", then save.',
  }),
  yaml_control_character: (p) => ({
    message: `The text holds the control character ${s(p, 'char')}, which is not printed: it can change how a terminal or a document shows what follows it.`,
    hint: 'Delete it and write the text with visible characters only (in quotes, an escape such as \\e or \\x1b writes one).',
  }),
  yaml_multiple_documents: (p) => ({
    message: `The file contains ${s(p, 'count')} YAML documents separated by "---"; a rule file holds exactly one.`,
    hint: 'Delete the "---" line here and what follows it, or move that part to a file of its own.',
  }),
  yaml_empty_document: () => ({
    message: 'The file is empty: it contains no rules.',
    hint: 'Start from the example in docs/rule-format.md: format: 1, id, version, title, context, facts, groups and recognition.',
  }),

  // validate/
  schema_required: (p) => {
    const property = s(p, 'property');
    const example = Object.hasOwn(REQUIRED_EXAMPLES, property) ? REQUIRED_EXAMPLES[property] : undefined;
    return {
      message: hasParam(p, 'because')
        ? `The key "${property}" is missing: it is required when "${s(p, 'because')}" is present.`
        : `The required key "${property}" is missing here.`,
      hint: example ? `Add it to this mapping, e.g.\n  ${example}` : `Add a line "${property}: …" to this mapping.`,
    };
  },
  schema_unknown_property: (p) => ({
    message: `The key "${s(p, 'property')}" is not allowed here.`,
    hint: hasParam(p, 'allowed')
      ? `${didYouMean(p)}Allowed keys here: ${s(p, 'allowed')}.`
      : `${didYouMean(p)}No keys are allowed here.`,
  }),
  schema_type: (p) => ({
    message: `Expected ${t(s(p, 'expected'))}, but found ${t(s(p, 'actual'))}.`,
    hint: SCHEMA_TYPE_HINTS[
      schemaTypeHint(s(p, 'expected'), s(p, 'actual'), hasParam(p, 'value') ? s(p, 'value') : '')
    ](s(p, 'expected')),
  }),
  schema_enum: (p) => ({
    message: `"${s(p, 'actual')}" is not an allowed value here.`,
    hint: `${didYouMean(p)}Allowed values: ${s(p, 'allowed')}.`,
  }),
  schema_pattern: (p) => ({
    message: `"${s(p, 'actual')}" is not written in the expected form: ${lookup(PATTERNS, s(p, 'pattern'))}.`,
    hint: hasParam(p, 'example')
      ? `Example of a valid value: ${s(p, 'example')}.`
      : `The value must match the pattern ${s(p, 'pattern')}.`,
  }),
  schema_range: (p) => ({
    message: `${s(p, 'actual')} is out of range: the value must be ${lookup(COMPARISONS, s(p, 'comparison'))} ${s(p, 'limit')}.`,
    hint: 'Percentages are numbers from 0 to 100 (decimals allowed, e.g. 29.5); counts and points cannot be negative.',
  }),
  schema_size: (p) => {
    const unit = s(p, 'unit');
    const words =
      unit === 'characters' ? ['character', 'characters'] : unit === 'properties' ? ['key', 'keys'] : ['item', 'items'];
    const limit = Number(p['limit']);
    const noun = limit === 1 ? words[0] : words[1];
    const what = unit === 'characters' ? 'This text' : unit === 'properties' ? 'This mapping' : 'This list';
    return {
      message: `${what} must have ${lookup(COMPARISONS, s(p, 'comparison'))} ${s(p, 'limit')} ${noun ?? ''}; it has ${s(p, 'actual')}.`,
      hint:
        unit === 'characters'
          ? 'Write the text between the quotes; an empty text is not allowed.'
          : unit === 'items'
            ? 'Add the missing items, one per line, each starting with "- ".'
            : 'Add or remove keys as described in docs/rule-format.md.',
    };
  },
  schema_shape: shapeMessage,
  date_invalid: (p) => ({
    message: `${s(p, 'key')} "${s(p, 'value')}" is not a day of the calendar.`,
    hint: 'Write the date as yyyy-mm-dd (year, month 01–12, then a day that month has), e.g. 2030-12-31.',
  }),
  effective_order: (p) => ({
    message: `effective.to ${s(p, 'to')} is before effective.from ${s(p, 'from')}: the version would be in force on no day.`,
    hint: 'Set effective.to to the last day the version is in force, on or after effective.from (check that day and month are not swapped).',
  }),
  schema_other: (p) => ({
    message: `This value does not match the rule-file format (${s(p, 'detail')}).`,
    hint: 'Compare with the forms described in docs/rule-format.md.',
  }),
  text_language_missing: (p) => ({
    message: `This text has no "${s(p, 'language')}" version, but the file declares languages: [${s(p, 'languages')}].`,
    hint: `Add ${s(p, 'language')}: "…" to the text, or change languages: at the top of the file to the languages the file is written in ([vi, en], [vi] or [en]).`,
  }),
  text_language_undeclared: (p) => ({
    message: `This text has a "${s(p, 'language')}" version, but the file declares languages: [${s(p, 'languages')}] only.`,
    hint: `Remove ${s(p, 'language')}: from the text, or add ${s(p, 'language')} to languages: at the top of the file.`,
  }),

  // compile/: expressions
  expr_syntax: (p) => ({
    message: `The expression cannot be read: expected ${lookup(EXPR_TOKENS, s(p, 'expected'))}, but found ${lookup(EXPR_TOKENS, s(p, 'found'))}.`,
    hint: "Check brackets, quotes and operators (and, or, not, ==, !=, <, <=, >, >=, in). Example: size == 'large' and urban",
  }),
  expr_unknown_name: (p) => ({
    message: `"${s(p, 'name')}" is not a fact, context attribute or parameter of this ruleset.`,
    hint: `${didYouMean(p)}Names must be declared under facts:, context: or parameters: and are case-sensitive. Value ids go in quotes: size == 'large'.`,
  }),
  expr_unknown_function: (p) => ({
    message: `"${s(p, 'name')}" is not a known function.`,
    hint: `Available functions: ${s(p, 'known')}. Example: percent(items_done, total_items, 0) >= 98`,
  }),
  expr_arity: (p) => ({
    message: `${s(p, 'name')} takes ${s(p, 'expected')} ${s(p, 'expected') === '1' ? 'argument' : 'arguments'}, but ${s(p, 'actual')} ${s(p, 'actual') === '1' ? 'was' : 'were'} given.`,
    hint: 'Separate the arguments with commas. Example: percent(items_done, total_items, 0) takes three.',
  }),
  expr_type: (p) => ({
    message: `Mismatched types in ${lookup(WHERE, s(p, 'where'))}: expected ${t(s(p, 'expected'))}, but found ${t(s(p, 'actual'))}.`,
    hint: "Compare numbers with numbers, and list values with a quoted value id (size == 'large'). A condition must be true or false.",
  }),
  expr_date_literal: (p) => ({
    message: `"${s(p, 'value')}" is not a valid day to compare with the assessment's date (date).`,
    hint: "Write a real day as 'YYYY-MM-DD', for example: date >= '2024-07-01'.",
  }),
  expr_enum_value: (p) => ({
    message: `"${s(p, 'value')}" is not a value of ${s(p, 'of')}.`,
    hint: `Allowed values: ${s(p, 'allowed')}. Write the value id exactly, in quotes.`,
  }),
  expr_limit: (p) => ({
    message: `The expression ${fill(lookup(EXPRESSION_LIMITS, s(p, 'limit')), p)}.`,
    hint: 'Split it into smaller conditions, e.g. with all: [ … ] or any: [ … ], or into several criteria.',
  }),

  // compile/: the ruleset as a whole
  duplicate_id: (p) => ({
    message: `The ${lookup(DUPLICATE_KINDS, s(p, 'kind'))} id "${s(p, 'id')}" is used more than once${
      hasParam(p, 'first_line') && s(p, 'first_line') !== '0' ? ` (first on line ${s(p, 'first_line')})` : ''
    }.`,
    hint: 'Each id must be unique: renumber or rename one of them.',
  }),
  unknown_fact: (p) => ({
    message: `"${s(p, 'name')}" (in ${s(p, 'where')}) is not a declared fact.`,
    hint: `${didYouMean(p)}Declare it under facts:, or correct the spelling.`,
  }),
  unknown_group: (p) => ({
    message: `There is no standard "${s(p, 'id')}".`,
    hint: `Use the id of a standard listed under groups: (${s(p, 'groups')}), in quotes, e.g. "2".`,
  }),
  owner_conflict: (p) => ({
    message: `${s(p, 'kind') === 'group' ? 'Standard' : 'Fact'} "${s(p, 'id')}" is given to both ${s(p, 'first')} and ${s(p, 'owner')}.`,
    hint: 'Each standard and each fact has one department at most: remove it from one of the two lists.',
  }),
  unknown_criterion: (p) => ({
    message: `There is no criterion "${s(p, 'id')}".`,
    hint: `${didYouMean(p)}Use the id of a criterion listed under groups:, in quotes, e.g. "4.1".`,
  }),
  unknown_level: (p) => ({
    message: `There is no level "${s(p, 'id')}".`,
    hint: `${didYouMean(p)}from_level names one of the levels declared under levels: (${s(p, 'levels') || 'none declared'}), e.g. from_level: ${levelExample(p, 'advanced')}.`,
  }),
  unknown_disqualifier: (p) => ({
    message: `There is no disqualifier "${s(p, 'id')}".`,
    hint: `${didYouMean(p)}Use the id of a disqualifier listed under disqualifiers: (${s(p, 'disqualifiers') || 'none declared'}), e.g. D1.`,
  }),
  mandatory_below_level: (p) => ({
    message: `Criterion "${s(p, 'criterion')}" is mandatory at level ${s(p, 'level')}, but it counts only from level ${s(p, 'from_level')}.`,
    hint: "A criterion that does not count at a level cannot be mandatory there: make it mandatory at its from_level (in that level's mandatory:), or lower its from_level.",
  }),
  points_bands_order: (p) => ({
    message: `The band at_least: ${s(p, 'value')} does not come after the band before it (at_least: ${s(p, 'previous')}).`,
    hint: 'List the bands of a step table with their at_least values strictly ascending, e.g. 6, 10, 50.',
  }),
  threshold_range: (p) => ({
    message: `The threshold ${s(p, 'value')} is outside the possible range ${s(p, 'min')} to ${s(p, 'max')}.`,
    hint: "Check the number: a percentage lies from 0 to 100, and a threshold cannot exceed the fact's max or the number of criteria.",
  }),
  threshold_decimals: (p) => ({
    message: `The threshold ${s(p, 'value')} has more decimals than "${s(p, 'fact')}" can have (${s(p, 'decimals')}): a value of the fact can never be exactly on it.`,
    hint: `Write the threshold with at most ${s(p, 'decimals')} decimals, or declare more decimals on the fact (decimals: under facts:).`,
  }),
  relation_invalid: (p) => ({
    message: `"${s(p, 'fact')}" cannot be part_of "${s(p, 'whole')}": ${lookup(RELATION_REASONS, s(p, 'reason'))}.`,
    hint: 'part_of links a count to the total it belongs to, e.g. items_done part_of total_items. Both must be integer facts (or both number facts) and the links must not loop.',
  }),
  selector_not_context: (p) => ({
    message: `"${s(p, 'name')}" is not a context attribute: "when:" selectors and "required_when:" may read context attributes only.`,
    hint: 'Move this test into the condition, or declare the attribute under context:.',
  }),
  variant_uncovered: (p) => ({
    message: `No variant of criterion ${s(p, 'criterion')} applies when ${s(p, 'context')}; it is then treated as "${s(p, 'policy')}".`,
    hint: 'If that is intended, nothing needs to change. Otherwise add a variant whose when: covers this case, or change no_variant:.',
  }),
  variant_overlap: (p) => ({
    message: `Variants "${s(p, 'first')}" and "${s(p, 'second')}" of criterion ${s(p, 'criterion')} both apply when ${s(p, 'context')}; only "${s(p, 'first')}" is used.`,
    hint: 'Make the when: conditions exclude each other, or put the variant that should win first.',
  }),
  version_mismatch: (p) => ({
    message: `Expected ruleset version ${s(p, 'expected')}, but found ${s(p, 'actual')}.`,
    hint: 'Use the rules this assessment was made for, or assess again with the current rules.',
  }),
  version_overlap: (p) => ({
    message: `The effective period of version ${s(p, 'version')} (${s(p, 'from')} to ${s(p, 'to')}) overlaps version ${s(p, 'other')} of ${s(p, 'other_file')} (${s(p, 'other_from')} to ${s(p, 'other_to')}).`,
    hint: 'Only one version may be in force on any day: set effective.from of the newer version to the day after effective.to of the older one.',
  }),
  version_gap: (p) => ({
    message: `Between version ${s(p, 'other')} and ${s(p, 'version')} no version is in force from ${s(p, 'from')} to ${s(p, 'to')}.`,
    hint: 'Start the newer version the day after the older one ends, or extend effective.to of the older one.',
  }),
  version_duplicate: (p) => ({
    message: `Ruleset ${s(p, 'id')} has two files with the same version "${s(p, 'version')}" (the other: ${s(p, 'first_file')}).`,
    hint: 'Give each version its own name in version:, or remove the duplicate file.',
  }),
  version_period_missing: (p) => ({
    message: `Version ${s(p, 'version')} of ruleset ${s(p, 'id')} has no effective period, but the ruleset has several versions.`,
    hint: 'Add effective: { from: "YYYY-MM-DD", to: "YYYY-MM-DD" } so each assessment date finds its version.',
  }),
  version_not_found: (p) => ({
    message: `No version of ruleset ${s(p, 'id')} matches "${s(p, 'wanted')}". Versions: ${s(p, 'available')}.`,
    hint: "Give the assessment a date (area.date) within a version's effective period, or name the version.",
  }),
  version_year_ambiguous: (p) => ({
    message: `The assessment gives the year ${s(p, 'year')} and no date, and more than one version of ruleset ${s(p, 'id')} is in force during that year: ${s(p, 'available')}. Which one judges it depends on the day.`,
    hint: 'Give the date of the assessment (area.date, YYYY-MM-DD), or name the version (--version): a version is never picked by guessing the day.',
  }),
  ruleset_not_in_folder: (p) => ({
    message:
      s(p, 'wanted') === ''
        ? `The folder ${s(p, 'path')} holds several rulesets, and the assessment does not say which one it is for (ruleset:). Rulesets: ${s(p, 'available')}.`
        : `The assessment is for ruleset ${s(p, 'wanted')}, which the folder ${s(p, 'path')} does not hold. Rulesets: ${s(p, 'available')}.`,
    hint: 'Write the id of one of these rulesets in the assessment (ruleset: …), or give --rules the folder of that one ruleset.',
  }),
  definition_cycle: (p) => ({
    message: `The definition "${s(p, 'name')}" uses itself (directly or through other definitions).`,
    hint: 'A definition may use facts, parameters and other definitions that do not lead back to it.',
  }),
  include_invalid: (p) => ({
    message: `The file "${s(p, 'path')}" cannot be included: ${lookup(INCLUDE_REASONS, s(p, 'reason'))}.`,
    hint: 'include: lists shared files with kind: fragment, paths relative to this rule file\'s folder, e.g. include: ["../shared/self-management-contents.yaml"].',
  }),
  build_fragment: () => ({
    message: 'This file is a fragment (kind: fragment); a fragment is not built on its own.',
    hint: 'Build the ruleset that includes it: lcz build rules/<ruleset folder>. The fragment goes into that compiled file.',
  }),
  compiled_unreadable: (p) => ({
    message: `This compiled rules file cannot be read: ${lookup(COMPILED_REASONS, s(p, 'reason'))} (${s(p, 'detail')}).`,
    hint: 'Never edit a compiled rules file: build it again from the YAML rules with lcz build rules/<ruleset folder> --out <file>.',
  }),
  compiled_stale: (p) => ({
    message: `This compiled rules file was built by engine ${s(p, 'built_with')}; this is engine ${s(p, 'engine')}.`,
    hint: 'Build it again with this engine: lcz build rules/<ruleset folder> --out <file>. A compiled file is read only by the engine version that wrote it.',
  }),
  generated_mismatch: (p) => ({
    message: `The generated decide module beside this compiled rules file does not fit it (${s(p, 'reason')}: ${s(p, 'found')}); decide() uses the engine's closures instead, with the same results.`,
    hint: 'Build both again with this engine: lcz build rules/<ruleset folder> --out <file> writes the compiled file and its .decide.mjs together.',
  }),
  plan_module_stale: (p) => ({
    message: `This plan module (or plan script) does not fit (${s(p, 'reason')}: it says ${s(p, 'found')}, expected ${s(p, 'expected')}); it is not used.`,
    hint: 'Build it again from the rules with this engine: lcz build rules/<ruleset folder> --out <file> writes the compiled file with its .plan.mjs and .plan-script.js together. Never edit a generated module or script.',
  }),
  policy_missing: (p) => ({
    message: `Criterion ${s(p, 'criterion')} must state the policy "${s(p, 'key')}", because the case it decides can happen.`,
    hint: `Add "${s(p, 'key')}:" with one of: ${s(p, 'allowed')}. It is a policy choice, so the rules must say it, e.g. not_applicable: exclude (take it out of the count) or fail (count it as not passed).`,
  }),

  // evaluate/: assessments
  input_shape: (p) => ({
    message: `At ${s(p, 'path') || 'the top of the assessment'}: expected ${t(s(p, 'expected'))}.`,
    hint: 'Compare the assessment with the examples in examples/assessments/.',
  }),
  input_not_an_assessment: (p) => ({
    message:
      s(p, 'shape') === 'table'
        ? `This file holds a table of values separated by commas, semicolons or tabs (line 1: ${s(p, 'line')}), not one assessment.`
        : `This file holds ${s(p, 'shape') === 'list' ? 'a list' : 'a single value'} (line 1: ${s(p, 'line')}), not one assessment.`,
    hint:
      s(p, 'shape') === 'table'
        ? 'A table with one assessment per row is a batch: save it with a .csv name (or .tsv) and it is read row by row. One assessment alone is written as key: value lines (ruleset, area, context, facts).'
        : 'One assessment is written as key: value lines (ruleset, area, context, facts), as in examples/assessments/; several at once go in a batch file (CSV, XLSX, JSON Lines).',
  }),
  input_unknown_facts: (p) => ({
    message: `From here on, ${grouped(p, 'count', ',')} more names under ${s(p, 'section')}: are not in this ruleset either (${s(p, 'examples')}, …).`,
    hint: "Many names that match nothing at once usually mean the assessment was written for other rules or another version: check its ruleset: line and --rules, then compare the names with the rule file's facts:.",
  }),
  input_unknown_fact: (p) => ({
    message: `"${s(p, 'name')}" is not a fact of this ruleset.`,
    hint: `${didYouMean(p)}Remove it or correct the spelling; the facts are listed in the rule file under facts:.`,
  }),
  // `actual` is one value (a quoted text, a number) or one type word, never a list of types:
  // read as a list, "1.234,5" was said as "1.234 or 5".
  input_type: (p) => ({
    message: `"${s(p, 'name')}" must be ${t(s(p, 'expected'))}, but is ${lookup(TYPES, s(p, 'actual'))}.`,
    hint: hasParam(p, 'cell')
      ? `Write in ${inCell(p)} a value of the kind that column takes (the blank file lcz template writes shows it), or leave the cell empty if it is not known.`
      : 'Write numbers without quotes (120), yes/no facts as true or false, and list values as their id.',
  }),
  input_range: (p) => {
    const bounds = [
      hasParam(p, 'min') ? `at least ${s(p, 'min')}` : '',
      hasParam(p, 'max') ? `at most ${s(p, 'max')}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    return {
      message: `${s(p, 'name')} = ${s(p, 'value')} is out of range${bounds ? `: it must be ${bounds}` : ''}.`,
      hint: 'Check the value entered.',
    };
  },
  input_date_out_of_range: (p) => ({
    message: `The assessment's date ${s(p, 'date')} is before the first date the rules give a value of "${s(p, 'parameter')}" for (${s(p, 'from')}).`,
    hint: hasParam(p, 'cell')
      ? `Check the date or year assessed in this row (${inCell(p)}): these rules cannot judge a unit at that date.`
      : 'Check the date of the assessment (area.date): these rules cannot judge a unit at that date.',
  }),
  input_date_invalid: (p) => ({
    message: `The assessment's date ${s(p, 'date')} is not a day of the calendar (a month from 01 to 12, a day that month has; 29 February in leap years only).`,
    hint: 'Write the date of the assessment (area.date) as YYYY-MM-DD, e.g. 2024-10-10: it picks the rules and the parameter values in force, so it is never guessed.',
  }),
  input_year_mismatch: (p) => ({
    message: `The assessment's year ${s(p, 'year')} (area.year) is not the year of its date ${s(p, 'date')} (area.date).`,
    hint: "Correct the one that is wrong, or leave the year out: with a date, the year is the date's.",
  }),
  input_date_outside_period: (p) => ({
    message: `The assessment's date ${s(p, 'date')} is outside the period these rules are in force (${s(p, 'from')} – ${s(p, 'to')}).`,
    hint: hasParam(p, 'cell')
      ? `Check the date or year assessed in this row (${inCell(p)}), or evaluate the row with the rules in force on that date.`
      : 'Check the date of the assessment (area.date), or use the rules in force on that date.',
  }),
  input_decimals: (p) => ({
    message: `${s(p, 'name')} = ${s(p, 'value')} has more decimals than the ${s(p, 'decimals')} the rules allow for it.`,
    hint: `Write the value with at most ${s(p, 'decimals')} ${s(p, 'decimals') === '1' ? 'decimal' : 'decimals'}, as it was measured; it is not rounded for you.`,
  }),
  input_part_exceeds_whole: (p) =>
    // A batch row names the whole's cell and header (what staff see), a file its fact ids (what they wrote).
    hasParam(p, 'whole_cell')
      ? {
          message: `${s(p, 'part_value')} is larger than the total it is part of: ${s(p, 'whole_value')} in cell ${s(p, 'whole_cell')}${hasParam(p, 'whole_column') ? `, column "${s(p, 'whole_column')}"` : ''}.`,
          hint: `A part cannot exceed its total: check both cells (${hasParam(p, 'cell') ? `${s(p, 'cell')} and ` : ''}${s(p, 'whole_cell')}).`,
        }
      : {
          message: `"${s(p, 'part')}" (${s(p, 'part_value')}) is larger than "${s(p, 'whole')}" (${s(p, 'whole_value')}), of which it is a part.`,
          hint: 'A part cannot exceed its total: check both numbers.',
        },
  input_enum_value: (p) => ({
    message: `"${s(p, 'value')}" is not a value of ${s(p, 'name')}.`,
    hint: `Allowed values: ${s(p, 'allowed')}.`,
  }),
  input_context_missing: (p) => ({
    message: `The context attribute "${s(p, 'name')}" is required for this unit but is missing.`,
    hint: hasParam(p, 'cell')
      ? `In this row, fill in ${inCell(p)}: a unit of this kind needs it.`
      : `Add it to the assessment's context, e.g. ${s(p, 'name')}: …`,
  }),
  input_context_rule: (p) => ({
    message: `The context breaks rule ${s(p, 'rule')} of context_rules: ${s(p, 'message_en')}`,
    hint: 'Check the context attributes of the assessed unit; this combination cannot exist.',
  }),
  input_identity: (p) => ({
    message: `The identity field "${s(p, 'field')}" of the assessed unit is invalid: ${s(p, 'reason')}.`,
    hint: "Fill in the unit's identity (name, code, period) as in the examples in examples/assessments/.",
  }),
};
