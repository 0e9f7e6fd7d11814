/**
 * exceljs, loaded the first time a workbook is read or written: loading it takes about 0.3 s,
 * which `lcz evaluate` on a CSV file (and every other use without XLSX) should not pay at start.
 *
 * This module is also the one place that says what exceljs 4.4.0 has at run time beyond its
 * typings (the `declare module` below): the parts of it the batch reads or puts right
 * (formats/xlsx.ts, template.ts, writers/summary.ts), so that they are used typed, without casts.
 */
import type { Buffer as NodeBuffer } from 'node:buffer';
import { type Readable, Stream, Writable } from 'node:stream';
import type ExcelJSModule from 'exceljs';

export type ExcelJS = typeof ExcelJSModule;

let loading: Promise<ExcelJS> | undefined;

export function loadExcelJS(): Promise<ExcelJS> {
  // exceljs is CommonJS: its exports are the default export of the ES module view; a bundle may
  // give the exports themselves, with no `default`.
  loading ??= import('exceljs').then((m) => {
    const viaDefault: ExcelJS | undefined = m.default;
    return viaDefault ?? m;
  });
  return loading;
}

/**
 * A writable stream as exceljs's writers take it: a `stream.Stream`, which every Node stream is (a
 * process's stdout, a file, a socket). Any other writable is written through a Writable.
 */
export function exceljsTarget(stream: NodeJS.WritableStream): Stream {
  if (stream instanceof Stream) return stream;
  return new Writable({
    write(chunk: Uint8Array | string, _encoding, done) {
      stream.write(chunk, (error) => done(error));
    },
    final(done) {
      stream.end(() => done());
    },
  });
}

declare module 'exceljs' {
  /** A worksheet as exceljs builds it. */
  interface Worksheet {
    /** The sheet's range validations (`A3:A2002`), which exceljs writes but does not type. */
    readonly dataValidations: { add(range: string, validation: DataValidation): void };
    /**
     * The streaming writer's (WorksheetWriter's) output: a StreamBuf whose `pipes` are the zip
     * archiver's entry streams, from readable-stream 3 (no `writableLength`, hence
     * `_writableState`). Absent on a worksheet that is not streamed.
     */
    readonly _stream?: { readonly pipes?: readonly { readonly _writableState?: { readonly length?: number } }[] };
  }

  /** A sheet as the workbook part lists it. */
  interface WorksheetModel {
    /** `hidden` or `veryHidden` for a hidden sheet; absent or `visible` otherwise. */
    readonly state?: string;
  }

  namespace stream.xlsx {
    /** The private parsers of the streaming reader that formats/xlsx.ts wraps. */
    interface WorkbookReader {
      workbookRels?: { Id?: string; Target?: string }[];
      _parseRels(entry: Readable): Promise<void>;
      _parseWorkbook(entry: Readable): Promise<void>;
      _parseStyles(entry: Readable): Promise<void>;
      _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
      _parseWorksheet(iterator: AsyncIterable<NodeBuffer | string>, sheetNo: string): Generator<unknown>;
    }

    interface WorksheetReader {
      /** The sheet's name, known once the workbook part has been read. */
      readonly name?: string;
    }
  }
}
