/**
 * examples/http-client runs: it starts the API in-process, posts every bundled example over HTTP
 * and gets the decision each file name announces.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../../examples/http-client/client.js';
import { examples } from './helpers.js';

describe('examples/http-client', () => {
  it('prints the decision of every example, as announced, and explains a refusal', async () => {
    const lines: string[] = [];
    const run = await main({ print: (line) => lines.push(line) });
    expect(run.exitCode).toBe(0);
    const all = await examples();
    expect(run.decisions).toEqual(Object.fromEntries(all.map((e) => [e.file, e.announced])));
    for (const e of all) expect(lines.join('\n')).toContain(`${e.file}: ${e.announced}`);
    expect(lines.join('\n')).toMatch(/DECISION\n\s+NOT RECOGNISED/);
  });
});
