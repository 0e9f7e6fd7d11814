/**
 * A threshold outside its fact's min/max (`threshold_range`, a warning) is reported where the
 * threshold is written, in a structured condition or inside an expression, not at the fact's
 * declaration (which said neither which criterion nor which of its thresholds). A share of a part
 * in its whole (`part_of`) beyond 0–100%, a step band at 150% say, is reported likewise.
 */
import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../../src/load-ruleset.js';

const TEXT = `format: 1
id: threshold-range
version: "1"
effective: { from: "2024-01-01" }
languages: [en]
title: { en: "Threshold range" }
source: { document: { en: "test" } }
context: {}
facts:
  years:
    type: integer
    min: 0
    max: 50
    label: { en: "Years" }
  clubs:
    type: integer
    min: 0
    max: 50
    label: { en: "Clubs" }
  members:
    type: integer
    min: 0
    label: { en: "Members" }
  active:
    type: integer
    min: 0
    part_of: members
    label: { en: "Active members" }
groups:
  - id: A
    title: { en: "A" }
    criteria:
      - id: A1
        text: { en: "A1" }
        condition: { fact: years, at_least: 60 }
      - id: A2
        text: { en: "A2" }
        condition: "clubs >= 1 and 99 <= clubs"
      - id: A3
        text: { en: "A3" }
        points:
          steps:
            of: "percent(active, members, 0)"
            bands: [{ at_least: 50, points: 1 }, { at_least: 150, points: 2 }]
      - id: A4
        text: { en: "A4" }
        condition: "percent(clubs, members, 0) >= 150"
disqualifiers: []
recognition:
  group_requirement: { at_least_percent: 50 }
`;

describe('threshold_range', () => {
  it('is located at each threshold beyond the bounds, in structured and expression conditions', () => {
    const { diagnostics } = loadRuleset(TEXT, { file: 'threshold-range.yaml' });
    const found = diagnostics.filter((d) => d.code === 'threshold_range');
    expect(found.map((d) => [d.line, d.column, d.severity, d.params?.value])).toEqual([
      [35, 45, 'warning', 60], // the 60 of at_least: 60
      [38, 36, 'warning', 99], // the 99 inside the expression
      [44, 62, 'warning', 150], // a band no share of a part in its whole reaches
    ]);
  });

  it('says nothing of thresholds within the bounds, nor of a share of two facts not declared part and whole', () => {
    const inside = TEXT.replace('at_least: 60', 'at_least: 50')
      .replace('99 <= clubs', '50 <= clubs')
      .replace('at_least: 150', 'at_least: 100');
    expect(loadRuleset(inside).diagnostics.filter((d) => d.code === 'threshold_range')).toEqual([]);
  });
});
