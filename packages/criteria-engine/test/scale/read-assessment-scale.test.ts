/**
 * Locating problems in a large input costs what the input costs: counted in mapping pairs looked
 * at and in edit-distance tables, not timed.
 */
import { parseDocument, type YAMLMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/diagnostics/source.js';
import { createParsedDocument } from '../../src/parse/parsed-document.js';

describe('locating many keys of one mapping', () => {
  it('looks at each pair about once, not once per lookup', () => {
    const n = 2000;
    const text = Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n');
    const doc = parseDocument(text);
    const map = doc.contents as YAMLMap;
    let reads = 0;
    map.items = new Proxy(map.items, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const located = createParsedDocument(new SourceText('big.yaml', text), doc, doc.toJS());
    for (let i = 0; i < n; i++) expect(located.keyRangeOf([`k${i}`])).toBeDefined();
    expect(reads).toBeLessThan(4 * n);
  });
});
