import { DEFAULT_TEMPLATES, frenchPhone, renderPatientMessage, templateProblem } from './patient-message';

const facts = {
  practiceName: 'MSP des Lices',
  siteName: 'Centre',
  siteAddress: '1 place des Lices, 35000 Rennes',
  sitePhone: '+33299000000',
};

describe('messages to patients', () => {
  it('tells the time on the site’s wall clock, after a DST change that happens between sending and the appointment', () => {
    // Monday 30 March 2026, 09:00 in Paris (CEST, +02:00), reminded on Sunday 29 March before 02:00 (still CET).
    const { subject, body } = renderPatientMessage(DEFAULT_TEMPLATES.appointment_reminder, {
      ...facts,
      startsAt: new Date('2026-03-30T07:00:00Z'),
      timeZone: 'Europe/Paris',
    });
    expect(subject).toBe('Rappel de votre rendez-vous du lundi 30 mars 2026 à 09h00');
    expect(body).toContain(
      'le lundi 30 mars 2026 à 09h00 à MSP des Lices, site Centre (1 place des Lices, 35000 Rennes)',
    );
    expect(body).toContain('en appelant le 02 99 00 00 00');
    const { sms } = renderPatientMessage(DEFAULT_TEMPLATES.appointment_reminder, {
      ...facts,
      startsAt: new Date('2026-03-30T07:00:00Z'),
      timeZone: 'Europe/Paris',
    });
    expect(sms).toBe(
      'Rappel : RDV le lundi 30 mars 2026 à 09h00, MSP des Lices (Centre). Empêchement ? Appelez le 02 99 00 00 00.',
    );
    expect(sms.length).toBeLessThanOrEqual(140);
  });

  it('an overseas site’s time is its own (Martinique, UTC-4, no DST)', () => {
    const { body } = renderPatientMessage(DEFAULT_TEMPLATES.appointment_reminder, {
      ...facts,
      startsAt: new Date('2026-03-30T13:00:00Z'),
      timeZone: 'America/Martinique',
    });
    expect(body).toContain('le lundi 30 mars 2026 à 09h00');
  });

  it('an offer carries its expiry and both answer links; its SMS, short, the one link to the answer page', () => {
    const { body, sms } = renderPatientMessage(DEFAULT_TEMPLATES.waitlist_offer, {
      ...facts,
      startsAt: new Date('2026-03-30T07:00:00Z'),
      timeZone: 'Europe/Paris',
      expiresAt: new Date('2026-03-29T18:00:00Z'),
      answerUrl: 'https://msp.example/r',
      acceptUrl: 'https://msp.example/a',
      declineUrl: 'https://msp.example/d',
    });
    expect(body).toContain('jusqu’au dimanche 29 mars à 20h00');
    expect(body).toContain('Pour l’accepter : https://msp.example/a');
    expect(body).toContain('Pour le refuser : https://msp.example/d');
    expect(sms).toBe(
      'MSP des Lices : RDV plus tôt possible le lundi 30 mars 2026 à 09h00 (Centre), gardé jusqu’au dimanche 29 mars à 20h00. Répondre : https://msp.example/r',
    );
  });

  it('refuses a template naming an unknown placeholder, missing the time, or an offer without its links', () => {
    const ok = { subject: 'Rappel', body: 'Le {date} à {heure}, {cabinet}.', sms: 'RDV {date} {heure}' };
    expect(templateProblem('appointment_reminder', ok)).toBeNull();
    expect(templateProblem('appointment_reminder', { ...ok, body: 'Le {date} avec {motif}' })).toMatchObject({
      field: 'body',
      reason: expect.stringContaining('{motif} is not a placeholder'),
    });
    expect(templateProblem('appointment_reminder', { ...ok, body: 'Le {date}.' })).toEqual({
      field: 'body',
      reason: 'must contain {heure}',
    });
    expect(templateProblem('appointment_reminder', { ...ok, subject: 'a\nb' })).toMatchObject({ field: 'subject' });
    expect(templateProblem('waitlist_offer', ok)).toEqual({
      field: 'body',
      reason: 'must contain {lien_accepter}, {lien_refuser}',
    });
    const offer = { ...ok, body: '{date} {heure} {lien_accepter} {lien_refuser}' };
    expect(templateProblem('waitlist_offer', offer)).toEqual({
      field: 'sms',
      reason: 'must contain {date}, {heure}, {lien}, or {date}, {heure}, {lien_accepter}, {lien_refuser}',
    });
    expect(templateProblem('waitlist_offer', { ...offer, sms: '{date} {heure} {lien}' })).toBeNull();
    expect(templateProblem('appointment_reminder', { ...ok, sms: `{date} {heure} ${'x'.repeat(320)}` })).toMatchObject({
      field: 'sms',
      reason: 'must be at most 320 characters',
    });
    expect(templateProblem('waitlist_offer', DEFAULT_TEMPLATES.waitlist_offer)).toBeNull();
    expect(templateProblem('appointment_reminder', DEFAULT_TEMPLATES.appointment_reminder)).toBeNull();
  });

  it('writes French numbers as French readers do, others as given', () => {
    expect(frenchPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(frenchPhone('+596596123456')).toBe('+596596123456');
  });
});
