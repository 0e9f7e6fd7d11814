import { describe, expect, it } from 'vitest';
import { deriveApplicability, MAX_CONTEXT_COMBINATIONS } from '../src/form/applicability.js';
import { buildFormModel } from '../src/form/form-model.js';
import { laiChau, load, shopsAndFarms, shopsAndFarmsText } from './ruleset-fixtures.js';

const rules = shopsAndFarms();
const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('deriveApplicability (a made-up scheme)', () => {
  it('with nothing chosen asks every context attribute and every fact some criterion or disqualifier reads', () => {
    const a = deriveApplicability(rules, {});
    expect(a.context).toEqual(['kind', 'region', 'organic']);
    expect(sorted(a.facts)).toEqual(['hectares', 'organic_certified', 'shop_signs', 'staff', 'staff_trained']);
    expect(a.readers.get('staff')).toEqual(['1.1']);
    expect(a.readers.get('hectares')).toEqual(['D1']);
    expect(a.possible).toBe(true);
  });

  it('a shop is not asked the farm flag (required_when) nor the organic variant’s fact', () => {
    const a = deriveApplicability(rules, { kind: 'shop' });
    expect(a.context).toEqual(['kind', 'region']);
    expect(a.facts.has('shop_signs')).toBe(true);
    expect(a.facts.has('organic_certified')).toBe(false);
  });

  it('a value chosen for an attribute that does not apply is dropped, not submitted', () => {
    const a = deriveApplicability(rules, { kind: 'shop', region: 'north', organic: true });
    expect(a.choice).toEqual({ kind: 'shop', region: 'north' });
  });

  it('a non-organic farm matches no variant of 1.2: neither variant’s fact is asked', () => {
    const farm = deriveApplicability(rules, { kind: 'farm' });
    expect(farm.context).toEqual(['kind', 'region', 'organic']);
    expect(farm.facts.has('organic_certified')).toBe(true);
    const plain = deriveApplicability(rules, { kind: 'farm', organic: false });
    expect(plain.facts.has('organic_certified')).toBe(false);
    expect(plain.facts.has('shop_signs')).toBe(false);
    expect(plain.facts.has('staff')).toBe(true);
  });

  it('a choice that breaks a context rule is reported impossible, and the form stays usable', () => {
    const a = deriveApplicability(rules, { kind: 'shop', region: 'south' });
    expect(a.possible).toBe(false);
    expect(a.facts.has('shop_signs')).toBe(true);
  });

  it('ignores values that are not declared', () => {
    expect(deriveApplicability(rules, { kind: 'boat', nonsense: true }).choice).toEqual({});
  });

  it(`past ${MAX_CONTEXT_COMBINATIONS} context combinations shows every declared fact rather than enumerate`, () => {
    const flags = Array.from(
      { length: 13 },
      (_, i) => `  flag_${i}:\n    type: boolean\n    label: { vi: "c${i}", en: "f${i}" }\n`,
    ).join('');
    const many = load(shopsAndFarmsText.replace('context:\n', `context:\n${flags}`), 'many.yaml');
    const a = deriveApplicability(many, {});
    expect(sorted(a.facts)).toEqual(many.facts.map((f) => f.id).sort());
  });
});

describe('buildFormModel', () => {
  it('puts each fact in the first standard that reads it, then disqualifier-only facts, then the rest', () => {
    const model = buildFormModel(rules);
    expect(model.sections.map((s) => [s.id, s.facts.map((f) => f.id)])).toEqual([
      ['1', ['staff', 'staff_trained', 'shop_signs', 'organic_certified']],
      ['disqualifiers', ['hectares']],
      ['other', ['notes_count']],
    ]);
  });
});

describe('deriveApplicability (the Lai Châu rules)', () => {
  const lc = laiChau();
  const VARIANT_FACTS = [
    'civilised_business_streets',
    'ocop_products',
    'value_chain_models',
    'households_in_new_rural_campaign',
    'households_in_civilised_ward_campaign',
  ];
  const variantFacts = (choice: Record<string, string | boolean>) =>
    VARIANT_FACTS.filter((f) => deriveApplicability(lc, choice).facts.has(f));

  it('a tổ dân phố in a phường: the urban variants of 2.3 and 2.5; no agricultural question', () => {
    expect(deriveApplicability(lc, { unit_kind: 'to_dan_pho' }).context).toEqual(['unit_kind', 'parent_kind']);
    expect(variantFacts({ unit_kind: 'to_dan_pho', parent_kind: 'phuong' })).toEqual([
      'civilised_business_streets',
      'households_in_civilised_ward_campaign',
    ]);
  });

  it('an agricultural bản in a xã: the rural variants; a non-agricultural one has no 2.3 variant', () => {
    expect(deriveApplicability(lc, { unit_kind: 'ban' }).context).toEqual(['unit_kind', 'parent_kind', 'agricultural']);
    expect(variantFacts({ unit_kind: 'ban', parent_kind: 'xa', agricultural: true })).toEqual([
      'ocop_products',
      'value_chain_models',
      'households_in_new_rural_campaign',
    ]);
    expect(variantFacts({ unit_kind: 'ban', parent_kind: 'xa', agricultural: false })).toEqual([
      'households_in_new_rural_campaign',
    ]);
  });

  it('every declared fact is asked for some kind of area', () => {
    expect(sorted(deriveApplicability(lc, {}).facts)).toEqual(lc.facts.map((f) => f.id).sort());
  });
});
