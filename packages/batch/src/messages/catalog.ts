import type { MessageParams, RenderedMessage } from '@lcz/criteria-engine';
import type { BatchDiagnosticCode } from '../diagnostic-codes.js';

/** One language's messages of the batch codes, keyed by every code (the compiler checks). */
export type BatchMessages = Readonly<Record<BatchDiagnosticCode, (p: MessageParams) => RenderedMessage>>;
