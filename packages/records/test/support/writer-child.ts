/**
 * A second process writing to a store, for the durability tests (nothing-lost.test.ts):
 *   append <store> <tag> <count>   one transaction per value: facts <tag>_0 … of area A-1, 2024
 *   hang <store> <areas>           one import of <areas> areas that stops, still inside its
 *                                  transaction, after the first area (prints "mid"), to be killed
 */
import { openRecordsStore } from '../../src/index.js';

const [mode, location, a, b] = process.argv.slice(2);
const store = await openRecordsStore(location as string);

if (mode === 'append') {
  const count = Number(b);
  for (let i = 0; i < count; i++) {
    await store.appendFacts(
      2024,
      [{ area: 'A-1', fact: `${a}_${i}`, value: i, owner: null, at: { file: `${a}.csv`, line: i + 2 } }],
      { by: a as string },
    );
  }
  await store.close();
  process.stdout.write('done\n');
} else if (mode === 'hang') {
  const areas = Number(a);
  const entries = [];
  for (let i = 0; i < areas; i++) {
    for (let f = 0; f < 20; f++) {
      entries.push({ area: `A-${i + 1}`, fact: `f_${f}`, value: f, owner: null, at: { file: 'big.csv', line: i + 2 } });
    }
  }
  await store.appendFacts(2024, entries, { by: 'importer' }, async (done) => {
    if (done === 1) {
      process.stdout.write('mid\n');
      // Stay inside the transaction until the parent kills this process.
      await new Promise(() => undefined);
    }
  });
}
