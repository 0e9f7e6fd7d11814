/**
 * Recursive-descent parser for the condition language (grammar in docs/rule-format.md).
 * Bounded: expression length, nesting depth and node count are named limits, so a hostile or
 * mistaken rule file cannot make loading slow. One syntax error per expression is reported; the
 * other expressions of the file are still checked.
 */
import type { Range } from '../../diagnostics/diagnostic.js';
import type { CompareOp, Expr } from './ast.js';
import { FOUND_END, tokenize, type Token } from './lexer.js';

export interface ExpressionLimits {
  readonly maxExpressionLength: number;
  readonly maxExpressionDepth: number;
  readonly maxExpressionNodes: number;
}

export const DEFAULT_EXPRESSION_LIMITS: ExpressionLimits = {
  maxExpressionLength: 2000,
  maxExpressionDepth: 64,
  maxExpressionNodes: 1000,
};

export type ParseError =
  | { readonly code: 'expr_syntax'; readonly range: Range; readonly expected: string; readonly found: string }
  | {
      readonly code: 'expr_limit';
      readonly range: Range;
      readonly limit: keyof ExpressionLimits;
      readonly value: number;
      readonly max: number;
    }
  | { readonly code: 'expr_number_inexact'; readonly range: Range; readonly value: string; readonly max: number };

export type ParseOutcome =
  | { readonly ok: true; readonly expr: Expr }
  | { readonly ok: false; readonly error: ParseError };

const COMPARE_OPS = new Set<string>(['==', '!=', '<', '<=', '>', '>=']);

function isCompareOp(token: Token): token is Token & { readonly text: CompareOp } {
  return token.kind === 'punct' && COMPARE_OPS.has(token.text);
}

class Failure {
  constructor(readonly error: ParseError) {}
}

export function parseExpression(
  text: string,
  base = 0,
  limits: ExpressionLimits = DEFAULT_EXPRESSION_LIMITS,
): ParseOutcome {
  if (text.length > limits.maxExpressionLength) {
    return {
      ok: false,
      error: {
        code: 'expr_limit',
        range: [base, base + text.length],
        limit: 'maxExpressionLength',
        value: text.length,
        max: limits.maxExpressionLength,
      },
    };
  }
  const lexed = tokenize(text, base);
  if (lexed.error) return { ok: false, error: { code: 'expr_syntax', ...lexed.error } };
  const parser = new Parser(lexed.tokens, limits);
  try {
    const expr = parser.parseTop();
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error };
    throw e;
  }
}

class Parser {
  private pos = 0;
  private depth = 0;
  private nodes = 0;
  /** The lexer ends every list with an `end` token; reading never goes past it. */
  private readonly end: Token;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly limits: ExpressionLimits,
  ) {
    this.end = tokens[tokens.length - 1] ?? { kind: 'end', text: '', value: '', range: [0, 0] };
  }

  parseTop(): Expr {
    const expr = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') this.fail('operator', next);
    return expr;
  }

  private parseOr(): Expr {
    return this.parseLogical('or', () => this.parseAnd());
  }

  private parseAnd(): Expr {
    return this.parseLogical('and', () => this.parseNot());
  }

  private parseLogical(op: 'and' | 'or', next: () => Expr): Expr {
    const first = next();
    const operands = [first];
    let last = first;
    while (this.isKeyword(op)) {
      this.advance();
      last = next();
      operands.push(last);
    }
    if (operands.length === 1) return first;
    return this.node({ kind: 'logical', op, operands, range: span(first, last) });
  }

  private parseNot(): Expr {
    if (this.isKeyword('not')) {
      const start = this.advance();
      const operand = this.nested(() => this.parseNot());
      return this.node({ kind: 'not', operand, range: [start.range[0], operand.range[1]] });
    }
    return this.parseCompare();
  }

  private parseCompare(): Expr {
    const left = this.parseSum();
    const next = this.peek();
    if (isCompareOp(next)) {
      this.advance();
      const right = this.parseSum();
      const expr = this.node({ kind: 'compare', op: next.text, left, right, range: span(left, right) });
      const after = this.peek();
      if (isCompareOp(after)) {
        this.fail('chain', after);
      }
      return expr;
    }
    if (this.isKeyword('in')) {
      this.advance();
      const open = this.expectPunct('[');
      const list: Expr[] = [];
      if (!this.isPunct(']')) {
        list.push(this.nested(() => this.parseSum()));
        while (this.isPunct(',')) {
          this.advance();
          list.push(this.nested(() => this.parseSum()));
        }
      }
      const close = this.expectPunct(']');
      void open;
      return this.node({ kind: 'in', value: left, list, range: [left.range[0], close.range[1]] });
    }
    return left;
  }

  private parseSum(): Expr {
    let left = this.parseProduct();
    for (let op = this.punctOf('+', '-'); op !== undefined; op = this.punctOf('+', '-')) {
      this.advance();
      const right = this.parseProduct();
      left = this.node({ kind: 'arithmetic', op, left, right, range: span(left, right) });
    }
    return left;
  }

  private parseProduct(): Expr {
    let left = this.parseUnary();
    for (let op = this.punctOf('*', '/'); op !== undefined; op = this.punctOf('*', '/')) {
      this.advance();
      const right = this.parseUnary();
      left = this.node({ kind: 'arithmetic', op, left, right, range: span(left, right) });
    }
    return left;
  }

  private parseUnary(): Expr {
    if (this.isPunct('-')) {
      const start = this.advance();
      const operand = this.nested(() => this.parseUnary());
      return this.node({ kind: 'negate', operand, range: [start.range[0], operand.range[1]] });
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'number':
        this.advance();
        // A literal the engine's numbers cannot hold exactly is refused, never rounded:
        // 99999999999999999999 would become 100000000000000000000.
        if (!isExactLiteral(t.text))
          throw new Failure({
            code: 'expr_number_inexact',
            range: t.range,
            value: t.text,
            max: Number.MAX_SAFE_INTEGER,
          });
        return this.node({ kind: 'number', value: Number(t.text), text: t.text, range: t.range });
      case 'string':
        this.advance();
        return this.node({ kind: 'string', value: t.value, range: t.range });
      case 'keyword':
        if (t.text === 'true' || t.text === 'false') {
          this.advance();
          return this.node({ kind: 'boolean', value: t.text === 'true', range: t.range });
        }
        return this.fail('operand', t);
      case 'name': {
        this.advance();
        if (!this.isPunct('(')) return this.node({ kind: 'name', name: t.text, range: t.range });
        this.advance();
        const args: Expr[] = [];
        if (!this.isPunct(')')) {
          args.push(this.nested(() => this.parseOr()));
          while (this.isPunct(',')) {
            this.advance();
            args.push(this.nested(() => this.parseOr()));
          }
        }
        const close = this.expectPunct(')');
        return this.node({ kind: 'call', name: t.text, args, nameRange: t.range, range: [t.range[0], close.range[1]] });
      }
      case 'punct':
        if (t.text === '(') {
          this.advance();
          const inner = this.nested(() => this.parseOr());
          this.expectPunct(')');
          return inner;
        }
        return this.fail('operand', t);
      case 'end':
        return this.fail('operand', t);
    }
  }

  private nested<T>(parse: () => T): T {
    this.depth++;
    if (this.depth > this.limits.maxExpressionDepth) {
      const t = this.peek();
      throw new Failure({
        code: 'expr_limit',
        range: t.range,
        limit: 'maxExpressionDepth',
        value: this.depth,
        max: this.limits.maxExpressionDepth,
      });
    }
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private node<T extends Expr>(expr: T): T {
    this.nodes++;
    if (this.nodes > this.limits.maxExpressionNodes) {
      throw new Failure({
        code: 'expr_limit',
        range: expr.range,
        limit: 'maxExpressionNodes',
        value: this.nodes,
        max: this.limits.maxExpressionNodes,
      });
    }
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.pos] ?? this.end;
  }

  /** The next token's operator when it is one of `ops`. */
  private punctOf<const Op extends string>(...ops: readonly Op[]): Op | undefined {
    const t = this.peek();
    return t.kind === 'punct' ? ops.find((op) => op === t.text) : undefined;
  }

  private advance(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.pos++;
    return t;
  }

  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.kind === 'keyword' && t.text === word;
  }

  private isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === text;
  }

  private expectPunct(text: string): Token {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === text) return this.advance();
    return this.fail(`"${text}"`, t);
  }

  private fail(expected: string, found: Token): never {
    throw new Failure({
      code: 'expr_syntax',
      range: found.kind === 'end' ? [found.range[0], found.range[0]] : found.range,
      expected,
      found: found.kind === 'end' ? FOUND_END : found.text,
    });
  }
}

function span(a: Expr, b: Expr): Range {
  return [a.range[0], b.range[1]];
}

/**
 * Whether a number literal (digits, maybe a decimal part) is held exactly: its whole part at most
 * 2^53 − 1, and at most 15 significant digits in all, so that the double read from it gives back
 * the same decimal (every 15-digit decimal survives the round trip).
 */
export function isExactLiteral(text: string): boolean {
  const [whole = '', fraction = ''] = text.split('.');
  if (Number(whole) > Number.MAX_SAFE_INTEGER) return false;
  if (fraction === '') return true;
  const digits = `${whole}${fraction}`.replace(/^0+/, '').replace(/0+$/, '');
  return digits.length <= 15;
}
