import { pdfText } from '../../../test/fixtures/pdf-text';
import type { MinutesDocument } from '../../application/ports/minutes-renderer.port';
import { PdfkitMinutesRenderer } from './pdfkit-minutes-renderer';

const GP = '6b0a3c1e-2f57-4a4e-9d8c-1f2e3d4c5b6a';
const NURSE = '1c0b9a8f-7e6d-4c5b-8a4f-3e2d1c0b9a8f';
const PATIENT = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a';

const minutes = (overrides: Partial<MinutesDocument> = {}): MinutesDocument => ({
  title: 'RCP de décembre',
  kind: 'rcp',
  startsAt: new Date('2026-12-08T11:30:00Z'),
  endsAt: new Date('2026-12-08T13:00:00Z'),
  timeZone: 'Europe/Paris',
  siteId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  videoLink: null,
  attendance: [
    { memberId: GP, profession: 'general_practitioner', status: 'present' },
    { memberId: NURSE, profession: 'nurse', status: 'excused' },
  ],
  professionsPresent: ['general_practitioner'],
  pluriprofessional: false,
  rule: { minProfessions: 2, physicianRequired: true },
  cases: [
    {
      reference: 'P-3C2B1A09',
      patient: null,
      theme: 'palliative_care',
      reason: 'Douleurs mal contrôlées',
      presenterId: GP,
      presenterProfession: 'general_practitioner',
      decisions: ['Adapter le traitement antalgique'],
      actionItems: [
        {
          description: 'Appeler l’HAD',
          assigneeId: NURSE,
          assigneeProfession: 'nurse',
          dueAt: new Date('2026-12-15T16:00:00Z'),
        },
      ],
    },
  ],
  decisions: [],
  actionItems: [],
  protocols: [],
  minutesClosedAt: null,
  generatedAt: new Date('2026-12-08T14:00:00Z'),
  ...overrides,
});

describe('the minutes PDF (pdfkit)', () => {
  it('prints the meeting in French in its zone, attendance by status, the verdict, cases, decisions and actions', async () => {
    const text = await pdfText(await new PdfkitMinutesRenderer().render(minutes()));
    expect(text).toContain('Compte rendu de réunion');
    expect(text).toContain('RCP de décembre');
    // 11:30 UTC is 12h30 in Paris in December.
    expect(text).toContain('mardi 8 décembre 2026, de 12h30 à 14h00');
    expect(text).toMatch(/Présents \(1\)/);
    expect(text).toMatch(/Excusés \(1\)/);
    expect(text).toContain('Réunion pluriprofessionnelle : non');
    expect(text).toContain('Soins palliatifs');
    expect(text).toContain('Patient P-3C2B1A09');
    expect(text).toContain('Adapter le traitement antalgique');
    expect(text).toContain('échéance le 15 décembre 2026');
  });

  it('names the patient only when the document carries an identity', async () => {
    const named = minutes({
      cases: [
        {
          ...minutes().cases[0]!,
          patient: { patientId: PATIENT, firstName: 'Jeanne', lastName: 'Martin', birthDate: '1941-03-02' },
        },
      ],
    });
    const text = await pdfText(await new PdfkitMinutesRenderer().render(named));
    expect(text).toContain('MARTIN Jeanne, né(e) le 02/03/1941');
  });
});
