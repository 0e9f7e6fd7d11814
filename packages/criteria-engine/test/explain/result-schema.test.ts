import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { notRecognised, recognised, undetermined } from './fixture.js';

const schema: unknown = JSON.parse(
  readFileSync(new URL('../../../../schemas/result.schema.json', import.meta.url), 'utf8'),
);

describe('schemas/result.schema.json', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate = ajv.compile(schema as object);

  it.each([
    ['recognised', recognised],
    ['not recognised', notRecognised],
    ['undetermined', undetermined],
  ])('accepts a %s result', (_name, result) => {
    const ok = validate(JSON.parse(JSON.stringify(result)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects unknown properties and bad statuses', () => {
    expect(validate({ ...recognised, extra: 1 })).toBe(false);
    expect(validate({ ...recognised, decision: 'maybe' })).toBe(false);
    const badCriterion = { ...recognised.criteria[0], status: 'ok' };
    expect(validate({ ...recognised, criteria: [badCriterion] })).toBe(false);
  });
});
