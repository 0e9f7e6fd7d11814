/**
 * The city report as data: what aggregate() produces and every renderer (Markdown, HTML, CSV,
 * XLSX) reads. Counts only, all integers; percentages are pass × 100 / applicable rounded down
 * and are for display (comparisons use the counts).
 */
import type { EvaluationResult, FactValue, LetterheadDocument, LocalizedText, SchemeWords } from '@lcz/criteria-engine';
import type { TargetProgress, TargetsInfo } from './targets/progress.js';

/** One evaluated area, as the aggregation reads it. */
export interface ReportEntry {
  readonly result: EvaluationResult;
  /** The year assessed (the input's year column); otherwise the year of `result.area.date`. */
  readonly year?: number;
  /** Whether the area registered to build (the input's `registered` column or field); absent when not stated. */
  readonly registered?: boolean;
  /** The assessment's facts, for targets that read a fact no criterion read. */
  readonly facts?: Readonly<Record<string, FactValue | null | undefined>>;
  /** Where the entry came from (file and row), for problems such as duplicates. */
  readonly source?: { readonly file: string; readonly row: number };
}

/** Areas of one ward/commune (or of the whole city) in one year. */
export interface UnitFigures {
  /** What groups results (`area.unit`, the rule file's `words.grouped_by`); '' when the input did not say. */
  readonly unit: string;
  readonly assessed: number;
  readonly registered: number;
  readonly recognised: number;
  readonly not_recognised: number;
  readonly undetermined: number;
  /**
   * For a scheme with levels: per level (the rule file's order, lowest first), the areas whose
   * highest level certainly reached is that one ("progress by level"). Areas that reached none
   * are assessed − their sum.
   */
  readonly levels?: readonly number[];
}

/** How many areas reached (or may still reach) one level, for a scheme with levels. */
export interface LevelFigures {
  readonly id: string;
  /** Areas whose highest level certainly reached is this one. */
  readonly reached: number;
  /** Areas that certainly reached this level or a higher one. */
  readonly at_least: number;
  /** Areas not certainly at this level that may still reach it (facts missing decide). */
  readonly possible: number;
}

/**
 * A derived quantity over the areas of a year: how many have a known value, and the lowest and
 * highest as shown (its declared decimals, e.g. "57.2"); null when none is known.
 */
export interface DerivedFigures {
  readonly id: string;
  readonly known: number;
  readonly lowest: string | null;
  readonly highest: string | null;
}

/** How many areas met (or not) one standard. */
export interface StandardFigures {
  readonly id: string;
  readonly met: number;
  readonly not_met: number;
  readonly unknown: number;
}

/**
 * One criterion over the areas of a year. `applicable` counts the areas where it is decided and
 * counts in its standard (passed or failed, including "not applicable, counted as failed");
 * unknown and excluded areas are left out of the rate.
 */
export interface CriterionFigures {
  readonly id: string;
  readonly group: string;
  readonly pass: number;
  readonly fail: number;
  readonly unknown: number;
  readonly excluded: number;
  readonly applicable: number;
  /** pass × 100 / applicable, rounded down; null when no area is applicable. */
  readonly percent: number | null;
}

export interface YearFigures {
  /** The year; null for areas whose input gave no year and no date. */
  readonly year: number | null;
  readonly totals: UnitFigures;
  /** Per ward/commune, sorted by name (Vietnamese collation). */
  readonly units: readonly UnitFigures[];
  readonly standards: readonly StandardFigures[];
  readonly criteria: readonly CriterionFigures[];
  /** Up to 10 criteria failed by the most areas (ties in declaration order); only criteria failed at least once. */
  readonly most_failed: readonly string[];
  /** For a scheme with levels: per level, lowest first. */
  readonly levels?: readonly LevelFigures[];
  /** For a scheme with derived quantities: per quantity, in the rule file's order. */
  readonly derived?: readonly DerivedFigures[];
}

export interface CityReport {
  readonly ruleset: {
    readonly id: string;
    readonly version: string;
    readonly title: LocalizedText;
    /** What the scheme assesses and what groups its results: the report's words for them. */
    readonly words: SchemeWords;
  };
  /** Per year, ascending; the year-less bucket (if any) last. */
  readonly years: readonly YearFigures[];
  /**
   * Where "registered" comes from: `stated` areas said it (the `registered` column/field), the
   * `unstated` others are counted as registered, and the report says so.
   */
  readonly registration: { readonly stated: number; readonly unstated: number };
  /** Entries left out because the same area was already counted for that year. */
  readonly duplicates: number;
  /** Input rows that could not be read or were invalid, and are not in any figure. */
  readonly left_out: number;
  readonly standards: readonly { readonly id: string; readonly title: LocalizedText }[];
  readonly criteria: readonly { readonly id: string; readonly group: string; readonly text: LocalizedText }[];
  /** The scheme's levels, lowest first (absent without levels). */
  readonly levels?: readonly { readonly id: string; readonly label: LocalizedText }[];
  /** The scheme's derived quantities (absent without them). */
  readonly derived?: readonly {
    readonly id: string;
    readonly label: LocalizedText;
    readonly unit?: LocalizedText;
  }[];
  /** The printed header and signature blocks (Nghị định 30/2020/NĐ-CP): the targets file's, else the rule file's. */
  readonly letterhead?: LetterheadDocument;
  readonly targets?: {
    readonly info: TargetsInfo;
    readonly progress: readonly TargetProgress[];
    /** Labels of the facts the targets read. */
    readonly facts: readonly { readonly id: string; readonly label: LocalizedText }[];
    /**
     * Progress year by year: each target as it stood at the end of each year of the inputs
     * (only the years up to it counted), so the road to each goal shows, not only where it ends.
     */
    readonly by_year: readonly { readonly year: number; readonly progress: readonly TargetProgress[] }[];
  };
  /** Where the figures come from when not from input files: the record (lcz report --records). */
  readonly source?: ReportSource;
}

export interface ReportSource {
  /** The record's folder or URL, as the user named it. */
  readonly record: string;
  /** Years up to this one only: the report as it stood then. */
  readonly as_of?: number;
}
