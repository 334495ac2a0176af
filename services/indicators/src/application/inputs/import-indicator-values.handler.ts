import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import type { ImportError } from '../../domain/import/indicator-import';
import { IndicatorsError } from '../../domain/indicators-error';
import { IndicatorFileReader } from '../ports/indicator-file-reader.port';
import { type IndicatorInput, IndicatorInputsRepository } from '../ports/indicator-inputs.repository';
import { administeredStructure, indicatorsInput, StructureIndicators } from './structure-indicators';

/** Statements and practice exports are a few hundred kilobytes; the cap keeps one request from holding the service. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export interface ImportIndicatorValuesInput {
  structureId: string;
  /** The file's bytes as received, in base64: the encoding is the file's own (UTF-8, Windows-1252…). */
  /** Null when the caller sent something else than text. */
  csvBase64: string | null;
  fileName?: string | null;
}

export type ImportOutcome =
  | { ok: true; imported: number; fileSha256: string; errors: [] }
  | { ok: false; imported: 0; fileSha256: string | null; errors: ImportError[] };

/**
 * Imports numerators and denominators per practitioner (by RPPS), indicator and period from a CSV file: all or
 * nothing. Every line is validated and every RPPS must be one of the structure's current members; any error answers
 * the whole list, with line numbers, and writes nothing. A good file is stored in one transaction, each row replacing
 * the value held for the same practitioner, indicator and period, with its provenance (file, hash, line, importer).
 */
@Injectable()
export class ImportIndicatorValuesHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly inputs: IndicatorInputsRepository,
    private readonly reader: IndicatorFileReader,
    private readonly structure: StructureIndicators,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: ImportIndicatorValuesInput): Promise<ImportOutcome> {
    const structureId = administeredStructure(user, input.structureId);
    const fileName = input.fileName ? indicatorsInput.text(input.fileName, 'input.fileName').trim() : 'import.csv';
    const bytes = decodeBase64(input.csvBase64);
    const { result, sha256 } = this.reader.read(bytes, this.structure.lookup());
    if (!result.ok) return { ok: false, imported: 0, fileSha256: sha256, errors: result.errors };

    const members = await this.inputs.membersByRpps(
      structureId,
      result.rows.flatMap((r) => (r.rpps ? [r.rpps] : [])),
    );
    const unknown: ImportError[] = result.rows
      .filter((r) => r.rpps !== null && !members.has(r.rpps))
      .map((r) => ({
        line: r.line,
        column: 'rpps',
        message: `Ligne ${r.line}, colonne « rpps » : « ${r.rpps} » n’est le numéro RPPS d’aucun praticien de la structure.`,
      }));
    if (unknown.length > 0) return { ok: false, imported: 0, fileSha256: sha256, errors: unknown };

    const now = this.clock.now();
    const rows: IndicatorInput[] = result.rows.map((r) => ({
      structureId,
      practitionerId: r.rpps ? (members.get(r.rpps) as string) : null,
      indicatorCode: r.indicatorCode,
      period: r.period.label,
      periodStart: r.period.start,
      periodEnd: r.period.end,
      catalogue: r.catalogue,
      numerator: r.values.numerator,
      denominator: r.values.denominator,
      flag: null,
      origin: 'imported',
      file: { name: fileName, sha256, line: r.line },
      evidenceReference: null,
      recordedBy: user.memberId,
      recordedAt: now,
    }));
    await this.transactions.run(async () => {
      await this.inputs.upsert(rows);
      await this.structure.announceInputs(structureId, rows, now);
    });
    return { ok: true, imported: rows.length, fileSha256: sha256, errors: [] };
  }
}

function decodeBase64(text: string | null): Uint8Array {
  if (text === null) throw IndicatorsError.invalid('input.csvBase64', 'expected the file’s bytes in base64 text');
  const compact = text.replace(/\s+/g, '');
  // Checked before decoding: four characters of base64 are three bytes.
  if (Math.floor((compact.length * 3) / 4) > MAX_IMPORT_BYTES + 2)
    throw IndicatorsError.invalid('input.csvBase64', `the file exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0)
    throw IndicatorsError.invalid('input.csvBase64', 'expected the file’s bytes in base64');
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES)
    throw IndicatorsError.invalid('input.csvBase64', `the file exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  if (bytes.length === 0) throw IndicatorsError.invalid('input.csvBase64', 'the file is empty');
  return bytes;
}
