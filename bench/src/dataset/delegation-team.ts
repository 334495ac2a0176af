import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { createEnvelope, eventDefinition, toKafkaRecord, type EventPayloads, type EventType } from '@msp/contracts';
import type { Role, UserContext } from '@msp/auth';
import { withDatabase } from '../load/database';

/** One member of the bench practice, and the context the gateway would sign for them. */
export interface BoardMember {
  id: string;
  user: UserContext;
}

/** A medical assistant and the physician who validates their work. */
export interface BoardDelegate extends BoardMember {
  referent: BoardMember;
}

/** The practice the board scenario works in: one site, its physicians, and medical assistants paired with a referent. */
export interface BoardPractice {
  structureId: string;
  siteId: string;
  physicians: BoardMember[];
  delegates: BoardDelegate[];
}

/** How many assistants share a referent: a GP works with one to four (the seeds' "assistant médical" figures). */
const DELEGATES_PER_PHYSICIAN = 4;

/**
 * A practice of its own for the board: `delegates` medical assistants, each with a referent physician and the next
 * physician as backup. Not the base dataset's structure: its members would also reach scheduling's and call routing's
 * copies through the same events, and the base dataset has no medical assistant to pair.
 */
export function planBoardPractice(delegates: number): BoardPractice {
  const structureId = randomUUID();
  const siteId = randomUUID();
  const member = (roles: Role[]): BoardMember => {
    const id = randomUUID();
    return { id, user: { memberId: id, memberships: [{ structureId, roles, siteIds: [siteId] }] } };
  };
  const physicians = Array.from({ length: Math.max(2, Math.ceil(delegates / DELEGATES_PER_PHYSICIAN)) }, () =>
    member(['practitioner']),
  );
  return {
    structureId,
    siteId,
    physicians,
    delegates: Array.from({ length: delegates }, (_, i) => ({
      ...member(['medical_assistant']),
      referent: physicians[i % physicians.length],
    })),
  };
}

/** The backup of a delegate's referent: the next physician. */
export function backupOf(practice: BoardPractice, delegate: BoardDelegate): BoardMember {
  const i = practice.physicians.indexOf(delegate.referent);
  return practice.physicians[(i + 1) % practice.physicians.length];
}

/**
 * Delegation learns a team from the directory's events only (its copy is rebuilt from the directory at boot when empty,
 * and the bench seeds the directory after the stack started, with `COPY`, which sends no event). So the bench publishes
 * what the directory's outbox relay would: the site opened, then each member joined, the assistants with their referent
 * and backup; then waits until delegation's `team_member` and `site_ref` hold them all.
 */
export async function publishBoardPractice(
  practice: BoardPractice,
  brokers: string[],
  delegationDatabaseUrl: string,
  timeoutMs = 60_000,
): Promise<number> {
  const started = performance.now();
  const producer = new Kafka({ clientId: 'bench-directory', brokers, logLevel: logLevel.NOTHING }).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  const joinedAt = new Date().toISOString();
  const event = <K extends EventType>(type: K, data: EventPayloads[K]) => {
    const record = toKafkaRecord(createEnvelope(type, data, { source: '/msp/directory' }));
    return { topic: eventDefinition(type).topic, messages: [{ ...record }] };
  };
  const joined = (who: BoardMember, profession: string, delegateOf?: BoardDelegate) =>
    event('directory.member.joined.v1', {
      memberId: who.id,
      structureId: practice.structureId,
      profession,
      roles: [...who.user.memberships[0].roles],
      siteIds: [practice.siteId],
      referentId: delegateOf ? delegateOf.referent.id : null,
      backupReferentId: delegateOf ? backupOf(practice, delegateOf).id : null,
      joinedAt,
    });
  await producer.connect();
  try {
    await producer.send(
      event('directory.site.opened.v1', {
        siteId: practice.siteId,
        structureId: practice.structureId,
        timeZone: 'Europe/Paris',
        openingHours: [],
        openedAt: joinedAt,
      }),
    );
    for (const physician of practice.physicians) await producer.send(joined(physician, 'general_practitioner'));
    for (const delegate of practice.delegates) await producer.send(joined(delegate, 'medical_assistant', delegate));
  } finally {
    await producer.disconnect();
  }
  const expected = practice.physicians.length + practice.delegates.length;
  await withDatabase(delegationDatabaseUrl, async (client) => {
    for (;;) {
      const { rows } = await client.query<{ members: number; referred: number; sites: number }>(
        `select count(*)::int as members, count(referent_id)::int as referred,
                (select count(*)::int from site_ref where site_id = $2) as sites
           from team_member where structure_id = $1`,
        [practice.structureId, practice.siteId],
      );
      const [seen] = rows;
      if (seen.members === expected && seen.referred === practice.delegates.length && seen.sites === 1) return;
      if (performance.now() - started > timeoutMs)
        throw new Error(
          `Delegation's team copy holds ${seen.members} of ${expected} members (${seen.referred} with a referent) and ${seen.sites} site after ${timeoutMs / 1000} s`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  return (performance.now() - started) / 1000;
}
