import { ForbiddenError } from '@msp/auth';
import {
  FixedClock,
  IDS,
  immediateTransactions,
  member,
  RecordingOutbox,
} from '../../../test/fixtures/in-memory-ports';
import { SchedulingErrorCode } from '../../domain/scheduling-error';
import type { Absence, AbsenceRepository } from '../ports/absence.repository';
import { EndAbsenceHandler } from './end-absence.handler';

class InMemoryAbsences implements AbsenceRepository {
  readonly rows = new Map<string, Absence>();

  async insert(absence: Absence): Promise<void> {
    this.rows.set(absence.id, { ...absence });
  }

  async lockById(id: string): Promise<Absence | null> {
    const row = this.rows.get(id);
    return row ? { ...row } : null;
  }

  async endAt(id: string, endsAt: Date): Promise<void> {
    const row = this.rows.get(id);
    if (row) row.endsAt = endsAt;
  }

  async withdraw(id: string): Promise<void> {
    this.rows.delete(id);
  }
}

describe('ending an absence early (EndAbsenceHandler)', () => {
  const secretary = member(IDS.secretary, IDS.structure, ['secretary'], [IDS.site]);
  const absence: Absence = {
    id: 'de4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b',
    structureId: IDS.structure,
    practitionerId: IDS.gp,
    kind: 'holiday',
    startsAt: new Date('2026-03-02T00:00:00Z'),
    endsAt: new Date('2026-03-09T00:00:00Z'),
    declaredBy: IDS.secretary,
  };
  let clock: FixedClock;
  let absences: InMemoryAbsences;
  let outbox: RecordingOutbox;
  let handler: EndAbsenceHandler;

  beforeEach(async () => {
    clock = new FixedClock(new Date('2026-03-04T12:00:00Z'));
    absences = new InMemoryAbsences();
    outbox = new RecordingOutbox();
    handler = new EndAbsenceHandler(immediateTransactions(), absences, outbox.asWriter(), clock);
    await absences.insert(absence);
  });

  // async: the handler refuses bad input before it returns a promise.
  const end = async (endsAt?: string | null) => handler.execute(secretary, { absenceId: absence.id, endsAt });

  it('ends at the time given, and tells the other services', async () => {
    const ended = await end('2026-03-06T00:00:00Z');

    expect(ended.endsAt).toEqual(new Date('2026-03-06T00:00:00Z'));
    expect(absences.rows.get(absence.id)?.endsAt).toEqual(new Date('2026-03-06T00:00:00Z'));
    expect(outbox.events).toEqual([
      {
        type: 'scheduling.absence.ended.v1',
        data: expect.objectContaining({ absenceId: absence.id, endsAt: '2026-03-06T00:00:00.000Z' }),
      },
    ]);
  });

  it('ends now when no time is given', async () => {
    await expect(end()).resolves.toMatchObject({ endsAt: new Date('2026-03-04T12:00:00Z') });
  });

  it.each(['2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'])(
    'withdraws an absence ended (%s) before it began: nothing of it remains',
    async (endsAt) => {
      await expect(end(endsAt)).resolves.toMatchObject({ endsAt: absence.startsAt });
      expect(absences.rows.has(absence.id)).toBe(false);
      expect(outbox.events).toEqual([
        {
          type: 'scheduling.absence.ended.v1',
          data: expect.objectContaining({ absenceId: absence.id, endsAt: absence.startsAt.toISOString() }),
        },
      ]);
    },
  );

  it.each(['2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z'])(
    'refuses an end (%s) not before the current one, naming input.endsAt',
    async (endsAt) => {
      await expect(end(endsAt)).rejects.toMatchObject({
        code: SchedulingErrorCode.InvalidInput,
        field: 'input.endsAt',
      });
      expect(absences.rows.get(absence.id)?.endsAt).toEqual(absence.endsAt);
      expect(outbox.events).toEqual([]);
    },
  );

  it('refuses a member of the structure without the role, unless it is their own absence', async () => {
    const colleague = member(IDS.colleague, IDS.structure, ['practitioner'], [IDS.site]);
    await expect(handler.execute(colleague, { absenceId: absence.id })).rejects.toBeInstanceOf(ForbiddenError);

    const self = member(IDS.gp, IDS.structure, ['practitioner'], [IDS.site]);
    await expect(handler.execute(self, { absenceId: absence.id })).resolves.toMatchObject({ id: absence.id });
  });

  it('answers not found for an unknown absence', async () => {
    await expect(
      handler.execute(secretary, { absenceId: 'ef5a6b7c-8d9e-4f0a-9b1c-2d3e4f5a6b7c' }),
    ).rejects.toMatchObject({ code: SchedulingErrorCode.NotFound, field: 'input.absenceId' });
  });
});
