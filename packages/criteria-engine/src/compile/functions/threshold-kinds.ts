/**
 * The thresholds the functions declare, as types: one member per function whose comparisons with
 * a constant read as thresholds (its `kind` is the function's name). The compiled ruleset's
 * `Threshold` and the diff's `ThresholdValue` take their function members from here, so a new
 * function with thresholds is typed by an edit in this folder only.
 */
import type { PercentThreshold, PercentThresholdValue } from './percent-thresholds.js';

/** A threshold one of the functions declares (every kind but the plain fact comparison). */
export type FunctionThreshold = PercentThreshold;

/** The same, as the diff's JSON carries it (snake_case keys, each function's `diffValue`). */
export type FunctionThresholdValue = PercentThresholdValue;
