/**
 * English words of the HTTP API: problem titles, and for each problem what is wrong and how to fix
 * it. Keys and `{placeholders}` match messages/vi.ts (a test checks both). Vietnamese is the
 * authority; English is written beside it.
 */
export const en = {
  // Problem titles: one per problem type, the same for every occurrence (RFC 9457 §3.1.3).
  title_bad_request: { message: 'The request cannot be read' },
  title_malformed_json: { message: 'The request body is not valid JSON' },
  title_unsupported_media_type: { message: 'Unsupported content type' },
  title_payload_too_large: { message: 'Request body too large' },
  title_not_found: { message: 'No such endpoint' },
  title_unknown_ruleset: { message: 'Unknown ruleset' },
  title_invalid_request: { message: 'The request has problems' },
  title_inline_rules_disabled: { message: 'Evaluating uploaded rules is turned off' },
  title_timeout: { message: 'The request took too long' },
  title_not_ready: { message: 'Not ready' },
  title_internal_error: { message: 'Internal error' },
  title_busy: { message: 'The server is busy' },
  title_unauthorized: { message: 'An API key is needed' },
  title_forbidden: { message: 'Not allowed for this API key' },

  detail_count: { message: 'The request has {count} {count|problem|problems}; each is listed in "errors".' },

  json_syntax: {
    message: 'The JSON body is broken at line {line}, column {column}: {reason}.',
    hint: 'Check the quotes, commas and brackets there. JSON needs double quotes around names and text, and no comma after the last item.',
  },
  body_not_utf8: {
    message: 'The body is not UTF-8: at line {line}, column {column} (byte {offset}) there is {found}.',
    hint: 'Send the body as UTF-8 text (and say so: Content-Type: application/json; charset=utf-8). Re-save a file in another encoding (Latin-1, Windows-1258, UTF-16) as UTF-8 first.',
  },
  json_empty: {
    message: 'The body is empty, but its Content-Type says JSON.',
    hint: 'Send a JSON object, e.g. {"ruleset": "…", "assessment": {…}}.',
  },
  json_unsafe_key: {
    message:
      'The JSON body uses the reserved name "{key}" at line {line}, column {column} (however it is written, e.g. with \\u escapes).',
    hint: 'Remove that key: no request needs it.',
  },
  json_duplicate_key: {
    message: 'The key "{key}" at line {line}, column {column} is already given in the same object (line {first_line}).',
    hint: 'Keep one of the two: JSON readers differ on which one wins, so the service takes neither.',
  },
  json_too_many_keys: {
    message:
      'An object in the body has more than {max} keys (the one past the limit is at line {line}, column {column}).',
    hint: 'An assessment needs only the facts its ruleset declares. Remove the others, or ask the operator to raise the limit (limits.objectKeys).',
  },
  json_number_inexact: {
    message:
      'The number {value} at line {line}, column {column} has more digits than can be read exactly: it would be read as {read}.',
    hint: 'Write the number as counted or measured; nothing is rounded for you. If it is a code or an identifier, send it as text in double quotes.',
  },
  media_type: {
    message: 'This endpoint does not accept the content type "{type}".',
    hint: 'Send the body as {accepted}, with a matching Content-Type header, e.g. Content-Type: application/json.',
  },
  media_type_missing: {
    message: 'The request has a body but no Content-Type header.',
    hint: 'Add the header: Content-Type: {accepted}.',
  },
  too_large: {
    message: 'The request body is larger than the limit of {limit} bytes.',
    hint: 'Send less, e.g. split a batch into smaller ones, or ask the operator to raise the limit (limits.bodyBytes, lcz serve --body-limit).',
  },
  route_not_found: {
    message: 'There is no endpoint {method} {path}.',
    hint: 'The endpoints and their methods are listed in {openapi}.',
  },
  ruleset_unknown: {
    message: 'No ruleset "{id}" is loaded on this server.',
    hint: 'Use one of: {available}. GET {list} lists them with their versions.',
  },
  ruleset_version_unknown: {
    message: 'Ruleset "{id}" has no version "{version}" on this server.',
    hint: 'Loaded versions: {versions}.',
  },
  ruleset_version_required: {
    message: 'Several versions of ruleset "{id}" are loaded, so the version must be named.',
    hint: 'Add "version" with one of: {versions}.',
  },
  ruleset_version_or_date_required: {
    message: 'Several versions of ruleset "{id}" are loaded, and the assessment has no date to choose one by.',
    hint: 'Add "version" with one of: {versions}; or write the date of the assessment (area.date, YYYY-MM-DD), and the version in force on that day is used.',
  },
  ruleset_version_not_in_force: {
    message: 'Ruleset "{id}" has no version in force on the date of the assessment, {date}.',
    hint: 'Versions loaded, with their periods: {periods}. Correct area.date, or add "version" to choose one.',
  },
  ruleset_missing: {
    message: 'The request does not say which ruleset to use, and this server has several: {available}.',
    hint: 'Add "ruleset" with one of them (GET {list} lists them), or write ruleset: in the assessment.',
  },
  ruleset_and_rules: {
    message: 'The request gives both "ruleset" (a loaded ruleset) and "rules" (rule text): only one is allowed.',
    hint: 'Keep "ruleset" to use the rules of the server, or "rules" to use your own.',
  },
  version_without_ruleset: {
    message:
      '"version" is given but "rules" holds the rule text: the version of inline rules is the one written in them.',
    hint: 'Remove "version".',
  },
  inline_rules_disabled: {
    message: 'This server does not evaluate rules sent with the request.',
    hint: 'Name a loaded ruleset with "ruleset" (GET {list}), or check your rule file with POST {validate}. The operator can allow inline rules (allowUploadedRulesetEvaluation, lcz serve --allow-inline-rules).',
  },
  inline_rules_invalid: {
    message: 'The rules sent in "rules" have {count} {count|error|errors}; nothing was evaluated.',
    hint: 'Each error is listed with its line and column in the rule text.',
  },
  body_missing: {
    message: 'The request has no body.',
    hint: 'Send a JSON object, e.g. {example}.',
  },
  field_missing: {
    message: '"{name}" is missing.',
    hint: 'Add it: {expected}.',
  },
  field_type: {
    message: '"{name}" must be {expected}, not {actual}.',
    hint: 'Write it as {expected}.',
  },
  field_unknown: {
    message: '"{name}" is not a field of this request.',
    hint: 'The fields are: {fields}.',
  },
  field_unknown_suggest: {
    message: '"{name}" is not a field of this request.',
    hint: 'Did you mean "{suggestion}"? The fields are: {fields}.',
  },
  field_value: {
    message: '"{name}" must be one of {values}, not {actual}.',
    hint: 'Write one of {values}.',
  },
  field_empty: {
    message: '"{name}" is empty.',
    hint: 'Give {expected}.',
  },
  batch_empty: {
    message: 'The list "assessments" is empty.',
    hint: 'Put at least one assessment in it.',
  },
  batch_too_long: {
    message: 'The batch has {count} assessments; at most {max} are allowed in one request.',
    hint: 'Split it into requests of {max} or fewer (the operator sets the limit: limits.batchLength, lcz serve --batch-limit).',
  },
  query_unknown: {
    message: 'The query parameter "{name}" is not used by this endpoint.',
    hint: 'The parameters are: {fields}.',
  },
  transport_content_length: {
    message: 'The request cannot be read: its Content-Length header is not one whole number (or is given twice).',
    hint: 'Send one Content-Length with the body size in bytes, or let your HTTP library set it.',
  },
  transport_content_length_and_chunked: {
    message:
      'The request cannot be read: it has both Content-Length and Transfer-Encoding (or a Transfer-Encoding that is not chunked).',
    hint: 'Send one of the two, never both; an HTTP library does this for you.',
  },
  transport_request_line: {
    message: 'The request cannot be read: its first line is not an HTTP request line.',
    hint: 'Send METHOD /path HTTP/1.1, e.g. POST /v1/evaluate HTTP/1.1, with an HTTP library.',
  },
  transport_unreadable: {
    message: 'The request cannot be read: it is not well-formed HTTP/1.1.',
    hint: 'Send the request with an HTTP library, which writes the request line, the headers and the body as HTTP/1.1 expects.',
  },
  transport_timeout: {
    message: 'The request was not received whole within {ms} ms: the server stopped waiting for the rest.',
    hint: 'Send the whole request at once (headers and body); a large body on a slow link may need the operator to raise requestTimeoutMs.',
  },
  transport_headers: {
    message: 'The request cannot be read: its headers are larger than the server reads.',
    hint: 'Send shorter headers (a few kilobytes at most); put data in the body.',
  },
  url_escape: {
    message:
      'The request path has a "%" that is not followed by two hexadecimal digits, or bytes that are not UTF-8 once decoded.',
    hint: 'Encode each path segment with encodeURIComponent (a "%" itself is written %25), e.g. /v1/rulesets/<ruleset-id>.',
  },
  path_param_too_long: {
    message: 'A path parameter is longer than {max} characters.',
    hint: 'Ruleset ids are short, e.g. /v1/rulesets/<ruleset-id>; GET /v1/rulesets lists them.',
  },
  problems_omitted: {
    message: '… and {count} more {count|problem|problems} in this request: only the first {max} are listed.',
    hint: 'Fix those listed and send it again; a batch with the same mistake in every assessment usually has one cause.',
  },
  bad_request: {
    message: 'The request cannot be read: {reason}.',
    hint: 'Check the request line, headers and body your client sends.',
  },
  timeout: {
    message: 'The request took longer than {ms} ms and was stopped.',
    hint: 'Send a smaller batch, or ask the operator to raise the limit (limits.handlerTimeoutMs, lcz serve --timeout).',
  },
  rules_check_timeout: {
    message: 'Checking this rule file took longer than {ms} ms and was stopped.',
    hint: 'Split it into smaller files joined with include:, check it on your computer with lcz validate, or ask the operator to raise the limit (limits.rulesCheckMs).',
  },
  rules_check_closing: {
    message: 'The server is shutting down: this rule file was not checked.',
    hint: 'Send it again in a moment; the server (or the next one) will check it.',
  },
  busy: {
    message:
      'The server has {queued} {queued|request|requests} waiting to be worked on, the most it keeps waiting: this one was not started.',
    hint: 'Send it again after the time in Retry-After ({seconds} s); nothing of this request was kept.',
  },
  server_closing: {
    message: 'The server is shutting down: this request was not worked on.',
    hint: 'Send it again in a moment; the server (or the next one) will answer it.',
  },
  rules_check_memory: {
    message: 'Checking this rule file needed more memory than the server gives one check, and was stopped.',
    hint: 'Split it into smaller files joined with include:, or check it on your computer with lcz validate.',
  },
  too_many_facts: {
    message: 'This assessment gives {count} facts; at most {max} are read in one assessment.',
    hint: 'Give only the facts the ruleset declares (GET {schema} lists them), or ask the operator to raise the limit (limits.facts).',
  },
  not_ready: {
    message: 'No ruleset is loaded.',
    hint: 'The operator must give at least one rule directory (lcz serve --rules <dir>).',
  },
  internal_error: {
    message: 'Something went wrong inside the server. This is a bug, not a problem with your request.',
    hint: 'Please report it with the request id {request_id}.',
  },

  // Why JSON could not be read (jsonc-parser's error codes).
  json_reason_InvalidSymbol: {
    message: 'a character that JSON does not allow here (text needs double quotes, not single ones)',
  },
  json_reason_InvalidNumberFormat: { message: 'a number is written wrongly' },
  json_reason_PropertyNameExpected: {
    message: 'a name in double quotes is expected (or there is a comma after the last item)',
  },
  json_reason_ValueExpected: { message: 'a value is expected (or there is a comma after the last item)' },
  json_reason_ColonExpected: { message: 'a colon ":" is missing after the name' },
  json_reason_CommaExpected: { message: 'a comma is missing between two items' },
  json_reason_CloseBraceExpected: { message: 'a closing "}" is missing' },
  json_reason_CloseBracketExpected: { message: 'a closing "]" is missing' },
  json_reason_EndOfFileExpected: { message: 'there is more text after the end of the JSON value' },
  json_reason_InvalidCommentToken: { message: 'JSON does not allow comments' },
  json_reason_UnexpectedEndOfComment: { message: 'JSON does not allow comments' },
  json_reason_UnexpectedEndOfString: { message: 'a closing double quote is missing' },
  json_reason_UnexpectedEndOfNumber: { message: 'a number is cut off' },
  json_reason_InvalidUnicode: { message: 'a \\u escape is not four hexadecimal digits' },
  json_reason_InvalidEscapeCharacter: { message: 'a backslash escape is invalid (write \\\\ for a backslash)' },
  json_reason_InvalidCharacter: { message: 'a control character (such as a raw line break or tab) is inside text' },
  json_reason_Unknown: { message: 'the text is not JSON' },

  // Words put into the messages above.
  type_object: { message: 'a JSON object { … }' },
  type_array: { message: 'a list [ … ]' },
  type_string: { message: 'text in double quotes' },
  type_number: { message: 'a number' },
  type_integer: { message: 'a whole number' },
  type_boolean: { message: 'true or false' },
  type_null: { message: 'null' },
  type_missing: { message: 'nothing' },
  type_unknown: { message: 'a value of another kind' },
  list_or: { message: 'or' },
  none: { message: '(none)' },
} as const;

export interface MessageTemplate {
  readonly message: string;
  readonly hint?: string;
}

export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, MessageTemplate>>;
