import { generateSigningKeyPair } from '@msp/auth';
import { testServicePrivateKey } from '@msp/testing';
import { randomUUID } from 'node:crypto';
import { InternalHttpClient } from '@msp/messaging';
import { BOOK, DECLARE_ABSENCE, HOLD } from './fixtures/operations';
import { SchedulingTestApp } from './fixtures/scheduling-test-app';
import { seedAgenda, siteTime, type SeededAgenda } from './fixtures/seed-agenda';

interface FreeBusy {
  from: string;
  to: string;
  members: Array<{
    memberId: string;
    busy: Array<{ startsAt: string; endsAt: string }>;
    patientBusy: Array<{ startsAt: string; endsAt: string }>;
    consultingHours: Array<{ startsAt: string; endsAt: string }>;
  }>;
}

describe('free/busy for the meeting planner (internal HTTP)', () => {
  let scheduling: SchedulingTestApp;
  let agenda: SeededAgenda;
  let client: InternalHttpClient;
  const patientIds: string[] = [];
  const day = 5;
  const iso = (time: string) => new Date(siteTime(agenda, day, time)).toISOString();

  beforeAll(async () => {
    scheduling = await SchedulingTestApp.start('scheduling_free_busy');
    agenda = await seedAgenda(scheduling);
    client = new InternalHttpClient({
      caller: 'coordination',
      target: 'scheduling',
      baseUrl: scheduling.url,
      privateKey: testServicePrivateKey('coordination'),
      timeoutMs: 5_000,
    });
    const book = (time: string, motifId = agenda.motifId) =>
      scheduling.ok(
        BOOK,
        {
          input: {
            practitionerId: agenda.gpId,
            siteId: agenda.siteId,
            motifId,
            patientId: patientIds[patientIds.push(randomUUID()) - 1],
            startsAt: siteTime(agenda, day, time),
          },
        },
        agenda.as.secretary,
      );
    await book('09:00');
    await book('09:20');
    await book('11:00', agenda.longMotifIds[0]);
    await scheduling.ok(
      HOLD,
      {
        input: {
          practitionerId: agenda.gpId,
          siteId: agenda.siteId,
          motifId: agenda.motifId,
          startsAt: siteTime(agenda, day, '11:30'),
        },
      },
      agenda.as.secretary,
    );
    const absence = {
      structureId: agenda.structureId,
      practitionerId: agenda.gpId,
      kind: 'BLOCKED',
      startsAt: siteTime(agenda, day, '16:00'),
      endsAt: siteTime(agenda, day, '20:00'),
    };
    await scheduling.ok(DECLARE_ABSENCE, { input: absence }, agenda.as.secretary);
  });

  afterAll(() => scheduling?.stop());

  it('gives merged busy intervals and consulting hours per member, clipped to the window, nothing else', async () => {
    const answer = await client.post<FreeBusy>('/internal/agenda/free-busy', {
      memberIds: [agenda.gpId, agenda.colleagueId],
      from: siteTime(agenda, day, '07:00'),
      to: siteTime(agenda, day, '19:00'),
    });
    expect(answer.from).toBe(iso('07:00'));
    const [gp, colleague] = answer.members;
    expect(gp).toEqual({
      memberId: agenda.gpId,
      busy: [
        { startsAt: iso('09:00'), endsAt: iso('09:40') },
        { startsAt: iso('11:00'), endsAt: iso('11:50') },
        { startsAt: iso('16:00'), endsAt: iso('19:00') },
      ],
      patientBusy: [
        { startsAt: iso('09:00'), endsAt: iso('09:40') },
        { startsAt: iso('11:00'), endsAt: iso('11:50') },
      ],
      consultingHours: [{ startsAt: iso('08:00'), endsAt: iso('18:00') }],
    });
    expect(colleague).toEqual({
      memberId: agenda.colleagueId,
      busy: [],
      patientBusy: [],
      consultingHours: [{ startsAt: iso('08:00'), endsAt: iso('18:00') }],
    });
    expect(Object.keys(gp).sort()).toEqual(['busy', 'consultingHours', 'memberId', 'patientBusy']);
    expect(JSON.stringify(answer)).not.toMatch(new RegExp(['motif', agenda.motifId, ...patientIds].join('|'), 'i'));
  });

  it('a member scheduling does not know is simply free', async () => {
    const stranger = randomUUID();
    const { members } = await client.post<FreeBusy>('/internal/agenda/free-busy', {
      memberIds: [stranger],
      from: siteTime(agenda, day, '07:00'),
      to: siteTime(agenda, day, '19:00'),
    });
    expect(members).toEqual([{ memberId: stranger, busy: [], patientBusy: [], consultingHours: [] }]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no member', { memberIds: [] }, 'memberIds'],
    ['a bad id', { memberIds: ['dr-le-gall'] }, 'memberIds[0]'],
    ['a bad instant', { from: 'lundi 9h' }, 'from'],
    ['to before from', { to: '2026-01-01T00:00:00Z' }, 'to'],
    ['too long a window', { to: '2099-01-01T00:00:00Z' }, 'to'],
    ['a bad meeting id', { ignoreMeetingId: 'staff-meeting' }, 'ignoreMeetingId'],
  ])('refuses %s, naming the field', async (_label, override, field) => {
    const body = {
      memberIds: [agenda.gpId],
      from: siteTime(agenda, day, '07:00'),
      to: siteTime(agenda, day, '19:00'),
      ...override,
    };
    await expect(client.post('/internal/agenda/free-busy', body)).rejects.toMatchObject({
      status: 400,
      code: 'SCHEDULING.INVALID_INPUT',
      field,
    });
  });

  it('answers only platform services', async () => {
    const forged = new InternalHttpClient({
      caller: 'coordination',
      target: 'scheduling',
      baseUrl: scheduling.url,
      privateKey: generateSigningKeyPair().privateKey, // not the caller's key
    });
    await expect(forged.post('/internal/agenda/free-busy', {})).rejects.toMatchObject({ status: 401 });
  });
});
