import { randomUUID } from 'node:crypto';
import { TestEventPublisher } from '@msp/testing';
import { CoordinationTestApp } from './fixtures/coordination-test-app';
import { addActionItem, clockAt, closeMinutes, heldMeeting, recordDecision } from './fixtures/minutes';
import { pdfText } from './fixtures/pdf-text';
import { openPractice, type Practice } from './fixtures/practice';

const PDF = `query($id: ID!, $identity: Boolean) {
  meetingMinutesPdf(meetingId: $id, withPatientIdentity: $identity) { fileName contentType base64 } }`;

/** COO-6: the minutes as a PDF, without patient identity unless an entitled reader asks for it. */
describe('coordination minutes PDF', () => {
  let app: CoordinationTestApp;
  let events: TestEventPublisher;
  let practice: Practice;
  let meetingId: string;
  const patientId = randomUUID();

  beforeAll(async () => {
    events = await TestEventPublisher.start('coordination-spec-pdf');
    app = await CoordinationTestApp.start('coordination_pdf');
    practice = await openPractice(app, events);
    const { coordinator, gps, nurse, physio } = practice;
    const { meeting, cases } = await heldMeeting(
      app,
      practice,
      '2026-12-08T11:30:00.000Z',
      [
        [coordinator, 'present'],
        [gps[0], 'present'],
        [nurse, 'present'],
        [physio, 'excused'],
        [gps[1], 'absent'],
      ],
      { cases: [{ presenter: gps[0], patientId }] },
    );
    meetingId = meeting.id;
    await recordDecision(app, coordinator, {
      meetingId,
      caseId: cases[0]!.id,
      text: 'Mettre en place un pilulier hebdomadaire',
    });
    await recordDecision(app, coordinator, { meetingId, text: 'Revoir le circuit des comptes rendus' });
    await addActionItem(app, coordinator, {
      meetingId,
      caseId: cases[0]!.id,
      description: 'Préparer le pilulier',
      assigneeId: nurse.id,
      dueAt: '2026-12-15T16:00:00.000Z',
    });
    clockAt(app, '2026-12-08T14:00:00.000Z');
    await closeMinutes(app, coordinator, meetingId);
  });

  afterAll(async () => {
    await app?.stop();
    await events?.stop();
  });

  it('parses back with the decisions, the attendance by status, the verdict — and no patient name', async () => {
    app.directory.requests.length = 0;
    const { meetingMinutesPdf } = await app.ok<{
      meetingMinutesPdf: { fileName: string; contentType: string; base64: string };
    }>(PDF, { id: meetingId }, practice.gps[1].user);
    expect(meetingMinutesPdf).toMatchObject({
      contentType: 'application/pdf',
      fileName: 'compte-rendu-rcp-2026-12-08.pdf',
    });
    const text = await pdfText(meetingMinutesPdf.base64);
    expect(text).toContain('RCP du mois');
    expect(text).toContain('mardi 8 décembre 2026, de 12h30 à 14h00 (Europe/Paris)');
    expect(text).toContain('Mettre en place un pilulier hebdomadaire');
    expect(text).toContain('Revoir le circuit des comptes rendus');
    expect(text).toContain('Préparer le pilulier');
    expect(text).toContain('échéance le 15 décembre 2026');
    expect(text).toMatch(/Présents \(3\)/);
    expect(text).toMatch(/Excusés \(1\)/);
    expect(text).toMatch(/Absents \(1\)/);
    expect(text).toContain('Masseur-kinésithérapeute');
    expect(text).toContain('Réunion pluriprofessionnelle : oui');
    expect(text).toContain(`Patient P-${patientId.replace(/-/g, '').slice(0, 8).toUpperCase()}`);
    expect(text).not.toMatch(/DURAND|Paulette/);
    expect(app.directory.requests.filter((r) => r.path === '/internal/patient-identities')).toHaveLength(0);
  });

  it('names the patient for an entitled reader who asks, the directory told who reads and why', async () => {
    app.directory.routes.set('POST /internal/patient-identities', ({ body }) => {
      const { patientIds } = body as { patientIds: string[] };
      return {
        status: 200,
        body: {
          patients: patientIds.map((id) => ({
            patientId: id,
            firstName: 'Paulette',
            lastName: 'Durand',
            birthDate: '1938-05-17',
          })),
        },
      };
    });
    app.directory.requests.length = 0;
    const { meetingMinutesPdf } = await app.ok<{ meetingMinutesPdf: { base64: string } }>(
      PDF,
      { id: meetingId, identity: true },
      practice.gps[0].user,
    );
    const text = await pdfText(meetingMinutesPdf.base64);
    expect(text).toContain('DURAND Paulette, né(e) le 17/05/1938');
    expect(app.directory.requests.filter((r) => r.path === '/internal/patient-identities')).toEqual([
      {
        method: 'POST',
        path: '/internal/patient-identities',
        body: {
          readerId: practice.gps[0].id,
          structureId: practice.structureId,
          patientIds: [patientId],
          purpose: 'coordination_minutes',
        },
      },
    ]);
  });

  it('refuses the identity to a reader the directory does not entitle', async () => {
    app.directory.routes.set('POST /internal/patient-identities', () => ({
      status: 403,
      body: { code: 'DIRECTORY.FORBIDDEN', message: 'not entitled' },
    }));
    const result = await app.gql(PDF, { id: meetingId, identity: true }, practice.secretary.user);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.data?.meetingMinutesPdf ?? null).toBeNull();
  });
});
