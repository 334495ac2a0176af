import { decodeCsvBytes, parseCsvTable } from '@msp/french-csv';
import { type IndicatorImportResult, validateIndicatorImport } from '../../domain/import/indicator-import';
import type { IndicatorLookup } from '../../domain/import/indicator-lookup';

/**
 * An uploaded file, bytes as received, to validated rows or every error: decoding and splitting here, the rules in
 * the domain (`validateIndicatorImport`). Nothing is returned as rows unless every line is right.
 */
export function readIndicatorImport(bytes: Uint8Array, lookup: IndicatorLookup): IndicatorImportResult {
  const table = parseCsvTable(decodeCsvBytes(bytes).text);
  return table.ok ? validateIndicatorImport(table.records, lookup) : table;
}
