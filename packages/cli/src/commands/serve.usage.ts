/**
 * How `lcz serve` is called: its options, their parsing and its help.
 */
import { parseCommandArgs, refuseEmptyValues, wholeNumber } from '../args.js';
import { defineCommand } from '../command.js';
import { UsageError, type Lang } from '../session.js';

export interface ServeOptions {
  readonly rules: readonly string[];
  readonly lang: Lang;
  readonly port: number;
  readonly host: string;
  readonly bodyLimit: number | undefined;
  readonly batchLimit: number | undefined;
  readonly timeoutMs: number | undefined;
  /** Threads for the routes whose cost grows with the body; undefined: the server's default. */
  readonly bodyWorkers: number | undefined;
  readonly allowInlineRules: boolean;
  readonly logLevel: string;
  /** The record to serve under /v1/records (a folder or a postgres:// URL). */
  readonly records: string | undefined;
  /** The operator's key file (API keys bound to roles); without it the record only reads. */
  readonly keys: string | undefined;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const HELP = `lcz serve: the HTTP API / máy chủ API HTTP

Usage / Cách dùng:
  lcz serve --rules <rules>... [--port <n>] [--host <address>] [options]

  Serves the rulesets over HTTP until Ctrl+C (SIGINT) or SIGTERM: /v1/rulesets, their input JSON
  Schema, /v1/evaluate, /v1/decide, /v1/evaluate/batch, /v1/explain, /v1/rules/validate,
  /v1/openapi.json, /healthz and /readyz (docs/http.md). The rules are checked first; a file with
  errors is reported as file:line:column and the server does not start (exit code 1).
  Phục vụ các bộ tiêu chí qua HTTP đến khi nhấn Ctrl+C (SIGINT) hoặc nhận SIGTERM. Quy tắc được
  kiểm tra trước; tệp có lỗi được báo (tệp:dòng:cột) và máy chủ không khởi động (mã kết thúc 1).

  Logs are JSON lines on standard output; where it listens is printed on standard error.
  Nhật ký dạng dòng JSON ra đầu ra chuẩn; địa chỉ máy chủ in ra luồng lỗi chuẩn.

Options / Tuỳ chọn:
  -r, --rules <rules>      ruleset directory or file, repeatable (required) / bộ quy tắc, có thể
                           lặp lại (bắt buộc)
  --port <n>               port, 0 for any free one (default 8080) / cổng (mặc định 8080)
  --host <address>         address to listen on (default 127.0.0.1: this machine only) / địa chỉ
                           (mặc định 127.0.0.1: chỉ máy này)
  --body-limit <bytes>     largest request body (default 1048576) / nội dung yêu cầu tối đa
  --batch-limit <n>        most assessments per batch (default 200) / số phiếu tối đa mỗi lô
  --timeout <ms>           longest time per request (default 10000) / thời gian tối đa mỗi yêu cầu
  --body-workers <n>       threads that parse, evaluate and answer large bodies, 0 to do it on
                           the HTTP thread (default: cores − 1, from 1 to 4) / số luồng xử lý nội
                           dung yêu cầu, 0 để xử lý ngay trên luồng HTTP
  --allow-inline-rules     let requests evaluate rules they send (off by default: uploaded rules
                           are only validated) / cho phép đánh giá theo quy tắc gửi kèm (mặc định
                           tắt: quy tắc tải lên chỉ được kiểm tra)
  --log-level <level>      fatal, error, warn, info, debug or silent (default info) / mức nhật ký
  --records <dir|url>      also serve the record of the yearly cycle under /v1/records (lcz
                           records): summaries for all, details and writes by API key / phục vụ
                           cả sổ theo dõi: số liệu tổng hợp cho mọi người, chi tiết và ghi cần khoá
  --keys <file>            the API keys and their roles (docs/http.md "The record"): area,
                           department, board or reader, each stored as its SHA-256; without it
                           the record only reads / tệp khoá API và vai trò; không có thì chỉ đọc
  --lang vi|en             language of rule file errors (default vi) / ngôn ngữ báo lỗi quy tắc
  -h, --help               show this help / xem hướng dẫn

Examples / Ví dụ:
  lcz serve --rules rules/lai-chau-2020-2025
  lcz serve --rules rules/lai-chau-2020-2025 --port 0 --log-level warn
  curl -s http://127.0.0.1:8080/v1/rulesets
  lcz serve --rules rules/lai-chau-2020-2025 --records so-theo-doi --keys keys.yaml
`;

/** The options of `lcz serve`, or a UsageError saying which one is wrong. */
export function parseServeArgs(args: string[]): ServeOptions {
  const { values, positionals, lang } = parseCommandArgs('serve', args, {
    rules: { type: 'string', short: 'r', multiple: true },
    port: { type: 'string' },
    host: { type: 'string' },
    'body-limit': { type: 'string' },
    'batch-limit': { type: 'string' },
    timeout: { type: 'string' },
    'body-workers': { type: 'string' },
    'allow-inline-rules': { type: 'boolean' },
    'log-level': { type: 'string' },
    records: { type: 'string' },
    keys: { type: 'string' },
  });
  const rules = values.rules ?? [];
  if (rules.length === 0 || rules.some((r) => r === '')) throw new UsageError('serve_missing_rules', {}, 'serve');
  if (positionals.length > 0) throw new UsageError('bad_arguments', { detail: positionals.join(' ') }, 'serve');
  refuseEmptyValues('serve', values, ['records', 'keys']);
  if (values.keys !== undefined && values.records === undefined) {
    throw new UsageError('bad_arguments', { detail: '--keys needs --records' }, 'serve');
  }
  const logLevel = values['log-level'] ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new UsageError('bad_arguments', { detail: `--log-level ${logLevel} (${LOG_LEVELS.join(', ')})` }, 'serve');
  }
  const count = (option: string, value: string | undefined, min: number, max: number) =>
    value === undefined ? undefined : wholeNumber(option, value, min, max, 'serve');
  return {
    rules,
    lang,
    port: count('--port', values.port, 0, 65_535) ?? 8080,
    host: values.host === undefined || values.host === '' ? '127.0.0.1' : values.host,
    bodyLimit: count('--body-limit', values['body-limit'], 1, 1024 ** 3),
    batchLimit: count('--batch-limit', values['batch-limit'], 1, 1_000_000),
    timeoutMs: count('--timeout', values.timeout, 1, 3_600_000),
    bodyWorkers: count('--body-workers', values['body-workers'], 0, 64),
    allowInlineRules: values['allow-inline-rules'] === true,
    logLevel,
    records: values.records,
    keys: values.keys,
  };
}

export const serveCommand = defineCommand({
  name: 'serve',
  help: HELP,
  // It closes the server on SIGINT/SIGTERM (serve.ts), and writes no output file.
  handlesStopSignals: true,
  parse: parseServeArgs,
  async run(options, session) {
    const { serve } = await import('./serve.js');
    return serve(options, session);
  },
});
