/**
 * A targets file as the schema (schemas/targets.schema.json) describes it, once validated.
 */
import type { LetterheadDocument, LocalizedText } from '@lcz/criteria-engine';

export type TargetGoal =
  | { readonly at_least: number }
  | { readonly more_than: number }
  | { readonly at_least_percent: number }
  | { readonly more_than_percent: number };

export interface FactMeasure {
  readonly fact: string;
  readonly at_least?: number;
  readonly at_most?: number;
  readonly equals?: number | string | boolean;
  readonly is?: boolean;
  readonly among: 'all' | 'not_recognised';
}

export type TargetMeasure = 'recognised' | 'newly_recognised' | FactMeasure;

export interface TargetDocument {
  readonly id: string;
  readonly text: LocalizedText;
  readonly period: { readonly from: number; readonly to: number };
  readonly measure: TargetMeasure;
  readonly goal: TargetGoal;
  readonly note?: LocalizedText;
}

export interface TargetsDocument {
  readonly format: 1;
  readonly ruleset: string;
  readonly title: LocalizedText;
  readonly source?: LocalizedText;
  /** The header and signature blocks of the printed report; overrides the rule file's. */
  readonly letterhead?: LetterheadDocument;
  /** The programme's residential areas: the base of percentage goals. */
  readonly areas: number;
  readonly targets: readonly TargetDocument[];
}

/** A validated targets file and where it came from. */
export interface Targets {
  readonly file: string;
  readonly document: TargetsDocument;
}
