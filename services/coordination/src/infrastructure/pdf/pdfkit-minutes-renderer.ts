import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import type { AttendanceStatus } from '../../domain/meeting';
import {
  MinutesRenderer,
  type MinutesDocument,
  type PrintedActionItem,
} from '../../application/ports/minutes-renderer.port';
import { professionLabelFr } from '@msp/contracts';
import { ATTENDANCE_LABELS, KIND_LABELS, RELATION_LABELS, THEME_LABELS } from './french-labels';

/** Coordination knows members by id and profession only (names stay in the directory): a short reference each. */
const memberReference = (memberId: string): string => `M-${memberId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
const member = (memberId: string, profession: string | null): string =>
  `${profession ? professionLabelFr(profession) : 'Membre'} (${memberReference(memberId)})`;

const ATTENDANCE_ORDER: Array<AttendanceStatus | 'unrecorded'> = ['present', 'excused', 'absent', 'unrecorded'];

/** The minutes as an A4 PDF (pdfkit, its standard fonts), every date in the meeting's zone, in French. */
@Injectable()
export class PdfkitMinutesRenderer extends MinutesRenderer {
  render(minutes: MinutesDocument): Promise<Buffer> {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: 50,
      info: { Title: `Compte rendu — ${minutes.title}`, Producer: 'MSP coordination' },
    });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
      pdf.on('end', () => resolve(Buffer.concat(chunks)));
      pdf.on('error', reject);
    });
    const local = (at: Date) => DateTime.fromJSDate(at, { zone: minutes.timeZone }).setLocale('fr');
    const heading = (text: string) => pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.3);
    const line = (text: string, indent = 0) => pdf.font('Helvetica').fontSize(10.5).text(text, { indent });
    const actionLine = (a: PrintedActionItem, indent: number) =>
      line(
        `• ${a.description} — ${a.assigneeId ? member(a.assigneeId, a.assigneeProfession) : 'à attribuer (coordination)'}` +
          (a.dueAt ? `, échéance le ${local(a.dueAt).toFormat('d LLLL yyyy')}` : ''),
        indent,
      );

    pdf.font('Helvetica-Bold').fontSize(17).text('Compte rendu de réunion');
    pdf.font('Helvetica-Bold').fontSize(14).text(minutes.title);
    pdf.moveDown(0.4);
    line(KIND_LABELS[minutes.kind]);
    const start = local(minutes.startsAt);
    line(
      `Le ${start.toFormat('cccc d LLLL yyyy')}, de ${start.toFormat("HH'h'mm")} à ` +
        `${local(minutes.endsAt).toFormat("HH'h'mm")} (${minutes.timeZone})`,
    );
    const venue = [
      minutes.siteId ? `sur site (${minutes.siteId})` : null,
      minutes.videoLink ? `en visioconférence : ${minutes.videoLink}` : null,
    ].filter(Boolean);
    line(`Lieu : ${venue.join(' et ')}`);
    line(
      minutes.minutesClosedAt
        ? `Compte rendu clos le ${local(minutes.minutesClosedAt).toFormat("d LLLL yyyy 'à' HH'h'mm")}`
        : 'Compte rendu en cours de rédaction (non clos)',
    );

    heading('Présences');
    for (const status of ATTENDANCE_ORDER) {
      const people = minutes.attendance.filter((a) => (a.status ?? 'unrecorded') === status);
      if (!people.length) continue;
      line(`${ATTENDANCE_LABELS[status]} (${people.length}) :`);
      for (const p of people) line(`• ${member(p.memberId, p.profession)}`, 14);
    }
    line(
      `Professions présentes : ${minutes.professionsPresent.map(professionLabelFr).join(', ') || 'aucune renseignée'}`,
    );
    const rule =
      `au moins ${minutes.rule.minProfessions} profession(s) différente(s)` +
      (minutes.rule.physicianRequired ? ' dont un médecin' : '');
    pdf.moveDown(0.3);
    pdf
      .font('Helvetica-Bold')
      .fontSize(10.5)
      .text(
        minutes.pluriprofessional === null
          ? 'Caractère pluriprofessionnel : présences non enregistrées'
          : minutes.pluriprofessional
            ? `Réunion pluriprofessionnelle : oui (règle de la structure : ${rule})`
            : `Réunion pluriprofessionnelle : non (règle de la structure : ${rule})`,
      );

    heading('Cas examinés');
    if (!minutes.cases.length) line('Aucun cas inscrit à l’ordre du jour.');
    minutes.cases.forEach((c, i) => {
      const patient = c.patient
        ? `${c.patient.lastName.toUpperCase()} ${c.patient.firstName}, né(e) le ` +
          `${DateTime.fromISO(c.patient.birthDate).setLocale('fr').toFormat('dd/LL/yyyy')} (${c.reference})`
        : `Patient ${c.reference}`;
      pdf
        .moveDown(0.3)
        .font('Helvetica-Bold')
        .fontSize(11)
        .text(`${i + 1}. ${patient} — ${THEME_LABELS[c.theme]}`);
      line(`Motif : ${c.reason}`, 14);
      line(`Présenté par : ${c.presenterId ? member(c.presenterId, c.presenterProfession) : 'non renseigné'}`, 14);
      if (c.decisions.length) {
        line('Décisions :', 14);
        for (const d of c.decisions) line(`• ${d}`, 28);
      }
      if (c.actionItems.length) {
        line('Actions :', 14);
        for (const a of c.actionItems) actionLine(a, 28);
      }
    });

    heading('Décisions de la réunion');
    if (!minutes.decisions.length) line('Aucune décision hors cas.');
    for (const d of minutes.decisions) line(`• ${d}`);

    heading('Actions de la réunion');
    if (!minutes.actionItems.length) line('Aucune action hors cas.');
    for (const a of minutes.actionItems) actionLine(a, 0);

    heading('Protocoles');
    if (!minutes.protocols.length) line('Aucun protocole élaboré ni adopté.');
    for (const p of minutes.protocols) line(`• Protocole ${RELATION_LABELS[p.relation]} : ${p.protocolId}`);

    pdf
      .moveDown(1.2)
      .font('Helvetica-Oblique')
      .fontSize(8.5)
      .text(
        `Document généré le ${local(minutes.generatedAt).toFormat("d LLLL yyyy 'à' HH'h'mm")}. ` +
          (minutes.cases.some((c) => c.patient)
            ? 'Il contient l’identité de patients : document confidentiel, couvert par le secret partagé.'
            : 'Les patients sont désignés par une référence opaque ; leur identité reste dans l’annuaire.'),
      );
    pdf.end();
    return done;
  }
}
