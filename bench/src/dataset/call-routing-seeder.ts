import type { Dataset, PlannedMember } from './dataset-plan';
import { TIME_ZONE, WORKING_HOURS } from './dataset-plan';
import { copy, inTransaction } from './copy-seeder';
import { withDatabase } from '../load/database';
import { randomUUID } from 'node:crypto';

/** What call routing knows of a seeded practice: the practitioners it routes to and each site's line. */
export interface CallRoutingPractice {
  practitioners: PlannedMember[];
  lines: { siteId: string; number: string; deskNumber: string }[];
}

/** A site's public line and its desk, numbered by the site's position (02 99 and 02 98, Rennes). */
const lineNumber = (prefix: string, index: number) => `+33${prefix}${String(index).padStart(6, '0')}`;

/**
 * Call routing's copy of a dataset, written with COPY: the sites (zone and hours) and the first `practitioners`
 * members, which the directory's events would have brought, and what an administrator would have set up: one line
 * per site and site settings whose phone-booking motif is the dataset's consultation, so that self-service booking
 * goes through scheduling's real free-slot search, hold and confirmation.
 */
export async function seedCallRouting(
  dataset: Dataset,
  databaseUrl: string,
  practitioners: number,
): Promise<CallRoutingPractice> {
  const { structureId, sites } = dataset;
  const known = dataset.practitioners.slice(0, practitioners);
  const lines = sites.map((site, i) => ({
    siteId: site.id,
    number: lineNumber('299', i),
    deskNumber: lineNumber('298', i),
  }));
  const now = new Date().toISOString();
  // The seeded opening ranges' hours, Monday to Friday: what the practice answers "when are you open" with.
  const openingHours = JSON.stringify(
    [1, 2, 3, 4, 5].flatMap((weekday) =>
      WORKING_HOURS.map(({ start, end }) => ({ weekday, opens: start, closes: end })),
    ),
  );
  await withDatabase(databaseUrl, (client) =>
    inTransaction(client, async () => {
      await copy(
        client,
        'site_ref',
        ['site_id', 'structure_id', 'time_zone', 'opening_hours', 'updated_at'],
        sites.map((s) => [s.id, structureId, TIME_ZONE, openingHours, now]),
      );
      await copy(
        client,
        'team_member',
        ['member_id', 'structure_id', 'profession', 'updated_at'],
        [...known, dataset.secretary].map((m) => [m.id, structureId, m.profession, now]),
      );
      await copy(
        client,
        'phone_line',
        ['id', 'structure_id', 'site_id', 'number', 'desk_number', 'label', 'created_at'],
        lines.map((line, i) => [
          randomUUID(),
          structureId,
          line.siteId,
          line.number,
          line.deskNumber,
          sites[i].name,
          now,
        ]),
      );
      await copy(
        client,
        'site_call_settings',
        ['site_id', 'structure_id', 'territory', 'booking_motif_id', 'updated_at'],
        sites.map((s) => [s.id, structureId, 'mainland', dataset.consultation.id, now]),
      );
      for (const table of ['site_ref', 'team_member', 'phone_line', 'site_call_settings'])
        await client.query(`analyze ${table}`);
    }),
  );
  return { practitioners: known, lines };
}
