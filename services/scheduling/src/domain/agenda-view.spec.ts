import { GP, OTHER_GP, SITE, STRUCTURE, at, range } from '../../test/fixtures/domain-builders';
import { buildAgendaView, type AgendaAppointment } from './agenda-view';

const OVERSEAS = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e';

function appointment(
  id: string,
  start: string,
  minutes: number,
  overrides: Partial<AgendaAppointment> = {},
): AgendaAppointment {
  return {
    id,
    structureId: STRUCTURE,
    siteId: SITE,
    practitionerId: GP,
    motifId: 'motif-consultation',
    motifLabel: 'Consultation',
    patientId: 'patient-1',
    status: 'booked',
    start: at(start),
    end: new Date(at(start).getTime() + minutes * 60_000),
    ...overrides,
  };
}

describe('buildAgendaView', () => {
  const sites = [
    { siteId: SITE, timeZone: 'Europe/Paris' },
    { siteId: OVERSEAS, timeZone: 'Indian/Reunion' },
  ];
  const span = { from: '2026-03-30', to: '2026-03-30' };

  it("cuts each site's appointments and openings at that site's own local midnight", () => {
    const view = buildAgendaView({
      span,
      sites,
      practitioners: [{ practitionerId: GP, profession: 'general_practitioner' }],
      ranges: [range(), range({ siteId: OVERSEAS, startTime: '14:00', endTime: '16:00' })],
      appointments: [
        appointment('paris-late', '2026-03-30T21:40:00Z', 20), // 23:40 Paris: in the day
        appointment('paris-next', '2026-03-30T22:00:00Z', 20), // 00:00 Paris the next day: out
        appointment('reunion-early', '2026-03-29T20:10:00Z', 20, { siteId: OVERSEAS }), // 00:10 Reunion: in
        appointment('reunion-late', '2026-03-30T20:00:00Z', 20, { siteId: OVERSEAS }), // 00:00 Reunion the next day: out
      ],
      absences: [],
      meetingBlocks: [],
    });
    expect(view.windows).toEqual([
      { siteId: SITE, timeZone: 'Europe/Paris', start: at('2026-03-29T22:00:00Z'), end: at('2026-03-30T22:00:00Z') },
      {
        siteId: OVERSEAS,
        timeZone: 'Indian/Reunion',
        start: at('2026-03-29T20:00:00Z'),
        end: at('2026-03-30T20:00:00Z'),
      },
    ]);
    const [gp] = view.practitioners;
    expect(gp.appointments.map((a) => a.id)).toEqual(['reunion-early', 'paris-late']);
    expect(gp.openings.map((o) => [o.siteId, o.date, o.start.toISOString(), o.end.toISOString()])).toEqual([
      [SITE, '2026-03-30', '2026-03-30T07:00:00.000Z', '2026-03-30T10:00:00.000Z'],
      [OVERSEAS, '2026-03-30', '2026-03-30T10:00:00.000Z', '2026-03-30T12:00:00.000Z'],
    ]);
  });

  it('gives each practitioner their own openings, appointments, absences and meeting blocks (within the span), and a practitioner without any an empty day', () => {
    const view = buildAgendaView({
      span: { from: '2026-03-30', to: '2026-04-05' },
      sites: [sites[0]],
      practitioners: [
        { practitionerId: GP, profession: 'general_practitioner' },
        { practitionerId: OTHER_GP, profession: 'general_practitioner' },
        { practitionerId: 'nobody', profession: 'nurse' },
      ],
      ranges: [range(), range({ practitionerId: OTHER_GP, weekdays: [3] })],
      appointments: [
        appointment('a', '2026-03-31T08:00:00Z', 20),
        appointment('b', '2026-04-01T08:00:00Z', 20, { practitionerId: OTHER_GP }),
      ],
      absences: [
        {
          id: 'abs',
          structureId: STRUCTURE,
          practitionerId: OTHER_GP,
          kind: 'training',
          start: at('2026-04-02T06:00:00Z'),
          end: at('2026-04-02T16:00:00Z'),
        },
      ],
      meetingBlocks: [
        { practitionerId: GP, start: at('2026-04-03T11:00:00Z'), end: at('2026-04-03T12:30:00Z') },
        { practitionerId: GP, start: at('2026-05-03T11:00:00Z'), end: at('2026-05-03T12:30:00Z') },
      ],
    });
    const [gp, other, nobody] = view.practitioners;
    expect(gp.meetingBlocks).toEqual([
      { practitionerId: GP, start: at('2026-04-03T11:00:00Z'), end: at('2026-04-03T12:30:00Z') },
    ]);
    expect(other.meetingBlocks).toEqual([]);
    expect(gp.openings).toHaveLength(5);
    expect(gp.appointments.map((a) => a.id)).toEqual(['a']);
    expect(other.openings.map((o) => o.date)).toEqual(['2026-04-01']);
    expect(other.absences.map((a) => a.id)).toEqual(['abs']);
    expect(nobody).toEqual({
      practitionerId: 'nobody',
      profession: 'nurse',
      openings: [],
      appointments: [],
      absences: [],
      meetingBlocks: [],
    });
  });
});
