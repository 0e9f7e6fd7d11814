/**
 * A pass over yaml's concrete syntax tree, before any node is composed.
 *
 * Why here and not on composed nodes: the CST keeps every tag and directive with its exact
 * offset (a composed node's range starts after its tag), and walking it with an explicit stack
 * lets us measure nesting without recursion. yaml's composer recurses, so a file nested thousands
 * of levels deep must be stopped before it is composed.
 */
import type { CST } from 'yaml';

export interface CstFindings {
  /** Every explicit tag (`!!binary`, `!foo`, `!`), with its source text and offset. */
  readonly tags: readonly { readonly source: string; readonly offset: number }[];
  /** Every `%…` directive line. */
  readonly directives: readonly { readonly source: string; readonly offset: number }[];
  /** The first collection nested deeper than the limit, if any. */
  readonly tooDeep?: { readonly offset: number; readonly end: number };
  /** Every scalar longer than the limit, as written. */
  readonly tooLong: readonly { readonly offset: number; readonly length: number }[];
}

interface Pending {
  readonly token: CST.Token | CST.CollectionItem;
  /** Number of collections enclosing this token. */
  readonly depth: number;
}

export function scanCst(tokens: readonly CST.Token[], maxDepth: number, maxScalarChars = Infinity): CstFindings {
  const tags: { source: string; offset: number }[] = [];
  const tooLong: { offset: number; length: number }[] = [];
  const directives: { source: string; offset: number }[] = [];
  let tooDeep: { offset: number; end: number } | undefined;
  const stack: Pending[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token) stack.push({ token, depth: 0 });
  }
  const pushAll = (list: readonly (CST.Token | null | undefined)[] | undefined, depth: number): void => {
    if (!list) return;
    for (let i = list.length - 1; i >= 0; i--) {
      const token = list[i];
      if (token) stack.push({ token, depth });
    }
  };

  for (let pending = stack.pop(); pending; pending = stack.pop()) {
    const { token, depth } = pending;
    if (!('type' in token)) {
      // A collection item: its props (tags, anchors) sit in `start` and `sep`.
      pushAll([token.value], depth);
      pushAll(token.sep, depth);
      pushAll([token.key], depth);
      pushAll(token.start, depth);
      continue;
    }
    switch (token.type) {
      case 'tag':
        tags.push({ source: token.source, offset: token.offset });
        break;
      case 'directive':
        directives.push({ source: token.source, offset: token.offset });
        break;
      case 'document':
        pushAll(token.end, depth);
        pushAll([token.value], depth);
        pushAll(token.start, depth);
        break;
      case 'block-scalar':
        if (token.source.length > maxScalarChars) tooLong.push({ offset: token.offset, length: token.source.length });
        pushAll(token.props, depth);
        break;
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        if (token.source.length > maxScalarChars) tooLong.push({ offset: token.offset, length: token.source.length });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const own = depth + 1;
        // Keep the earliest: the outermost collection past the limit comes first in the text.
        if (own > maxDepth && (!tooDeep || token.offset < tooDeep.offset)) {
          tooDeep = { offset: token.offset, end: token.offset + 1 };
        }
        // Pushed in reverse so they are visited in source order.
        if (token.type === 'flow-collection') pushAll(token.end, own);
        for (let i = token.items.length - 1; i >= 0; i--) {
          const item = token.items[i];
          if (item) stack.push({ token: item, depth: own });
        }
        if (token.type === 'flow-collection') pushAll([token.start], own);
        break;
      }
      default:
        break;
    }
  }
  return { tags, directives, tooLong, ...(tooDeep ? { tooDeep } : {}) };
}
