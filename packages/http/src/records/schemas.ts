/**
 * The record's request bodies (zod: checked by the handlers, shown by the OpenAPI document) and
 * answers (JSON Schemas, checked against real answers by the tests).
 */
import { z } from 'zod';
import type { JsonSchema } from '../response-schemas.js';

/** Most areas or facts in one write: a city's whole register fits many times over. */
const MAX_ITEMS = 5000;
const reason = z.string().trim().min(1).max(2000);

export const factsBody = z.strictObject({
  facts: z
    .record(z.string().min(1), z.union([z.number(), z.boolean(), z.string(), z.null()]))
    .describe(
      'Fact id → value (null sets a fact back to unknown). Only facts of the ruleset served, of the key’s own.',
    ),
  reason: reason.optional().describe('Why a stored value is corrected (needed for a correction; kept beside it).'),
});

export const registrationsBody = z.strictObject({
  areas: z.array(z.string().min(1)).min(1).max(MAX_ITEMS).describe('Codes of areas already in the record.'),
});

export const boardBody = z.strictObject({
  number: z.string().trim().min(1).max(200).describe("The board's decision number, e.g. 123/QĐ-UBND."),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe('YYYY-MM-DD'),
  areas: z
    .array(z.strictObject({ code: z.string().min(1), reason: reason.optional() }))
    .min(1)
    .max(MAX_ITEMS)
    .describe('The areas recognised; an area the engine did not recognise needs a written reason.'),
  correction: reason.optional().describe('Why a decision already recorded is recorded again (a new version).'),
});

const int: JsonSchema = { type: 'integer', minimum: 0 };
const str: JsonSchema = { type: 'string' };
const nullableStr: JsonSchema = { type: ['string', 'null'] };
const decision: JsonSchema = { enum: ['recognised', 'not_recognised', 'undetermined', null] };

export const RECORDS_RESPONSES: Readonly<Record<string, JsonSchema>> = {
  RecordsSummary: {
    type: 'object',
    required: ['years'],
    properties: {
      years: {
        type: 'array',
        items: {
          type: 'object',
          required: ['year', 'registered', 'decided', 'engine_recognised', 'recognised', 'board_decisions'],
          properties: {
            year: { type: 'integer' },
            registered: int,
            decided: int,
            engine_recognised: int,
            recognised: { ...int, description: "By the board's decisions where the year has any, else by the engine." },
            board_decisions: {
              type: 'array',
              items: {
                type: 'object',
                required: ['number', 'date', 'areas'],
                properties: { number: str, date: str, areas: int },
              },
            },
          },
        },
      },
    },
  },
  RecordsYear: {
    type: 'object',
    required: ['year', 'areas'],
    properties: {
      year: { type: 'integer' },
      areas: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'name', 'unit', 'registered', 'decision', 'recognised'],
          properties: {
            code: str,
            name: str,
            unit: str,
            registered: { type: 'boolean' },
            decision,
            recognised: { type: 'boolean' },
          },
        },
      },
    },
  },
  RecordsArea: {
    type: 'object',
    required: ['area', 'versions', 'years'],
    properties: {
      area: { type: 'object', required: ['code', 'name', 'unit', 'context'] },
      versions: int,
      years: {
        type: 'array',
        items: {
          type: 'object',
          required: ['year', 'registered', 'decision', 'recognised'],
          properties: {
            year: { type: 'integer' },
            registered: { type: 'boolean' },
            decision,
            ruleset: { type: ['object', 'null'] },
            board: { type: ['object', 'null'] },
            recognised: { type: 'boolean' },
          },
        },
      },
    },
  },
  RecordsFacts: {
    type: 'object',
    required: ['year', 'area', 'facts'],
    properties: {
      year: { type: 'integer' },
      area: str,
      facts: {
        type: 'array',
        items: {
          type: 'object',
          required: ['fact', 'value', 'version', 'owner', 'entered_by', 'entered_at'],
          properties: {
            fact: str,
            value: { type: ['number', 'boolean', 'string', 'null'] },
            version: { type: 'integer', minimum: 1 },
            owner: nullableStr,
            entered_by: str,
            entered_at: str,
            source: nullableStr,
            reason: nullableStr,
          },
        },
      },
    },
  },
  RecordsWritten: {
    type: 'object',
    description: 'What the write stored: counts, or the board decision as recorded.',
    additionalProperties: true,
  },
};
