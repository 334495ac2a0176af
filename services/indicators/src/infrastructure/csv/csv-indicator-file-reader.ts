import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IndicatorFileReader } from '../../application/ports/indicator-file-reader.port';
import type { IndicatorImportResult } from '../../domain/import/indicator-import';
import type { IndicatorLookup } from '../../domain/import/indicator-lookup';
import { readIndicatorImport } from './read-indicator-import';

/** The import file read by `readIndicatorImport`, and its SHA-256 for the rows' provenance. */
@Injectable()
export class CsvIndicatorFileReader implements IndicatorFileReader {
  read(bytes: Uint8Array, lookup: IndicatorLookup): { result: IndicatorImportResult; sha256: string } {
    return { result: readIndicatorImport(bytes, lookup), sha256: createHash('sha256').update(bytes).digest('hex') };
  }
}
