import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { scoresCsv } from '../../domain/export/scores-csv';
import { parsePeriod } from '../../domain/period';
import { OperationalIndicators } from './operational-indicators';
import { structureReader } from './structure-reader';

export interface ExportedFile {
  fileName: string;
  contentType: 'text/csv';
  /** The bytes, base64: UTF-8 with its byte order mark, as French Excel opens it. */
  base64: string;
}

/**
 * The structure's scores of a period as a French spreadsheet CSV (`scoresCsv`: `;`, decimal comma, texts neutralised
 * against formula injection). The practitioner column stays empty: the events name members, never their RPPS.
 */
@Injectable()
export class ScoresExportQuery {
  constructor(private readonly operational: OperationalIndicators) {}

  async scoresCsv(user: UserContext, structureId: string, periodCode: string): Promise<ExportedFile> {
    const { structureId: id } = structureReader(user, structureId);
    const period = parsePeriod(periodCode, 'period');
    const figures = await this.operational.figures(id, period, null);
    const csv = scoresCsv(figures.scores.map(({ values, score }) => ({ rpps: null, values, score })));
    return {
      fileName: `indicateurs-${period.code}.csv`,
      contentType: 'text/csv',
      base64: Buffer.from(csv, 'utf8').toString('base64'),
    };
  }
}
