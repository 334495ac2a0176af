import type { IndicatorImportResult } from '../../domain/import/indicator-import';
import type { IndicatorLookup } from '../../domain/import/indicator-lookup';

/** An uploaded file's bytes to validated rows or every error (decoding and CSV splitting are infrastructure's). */
export abstract class IndicatorFileReader {
  abstract read(bytes: Uint8Array, lookup: IndicatorLookup): { result: IndicatorImportResult; sha256: string };
}
