import ical, { ICalEventBusyStatus, ICalEventStatus } from 'ical-generator';
import type { FeedEvent } from '../../application/ical/ical-feed.query';

/** An iCalendar document of busy events: motif as summary, site as location, nothing about the patient. */
export function renderCalendar(events: readonly FeedEvent[]): string {
  const calendar = ical({
    name: 'Agenda',
    prodId: { company: 'msp-platform', product: 'scheduling', language: 'FR' },
    ttl: 15 * 60,
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.appointmentId,
      start: event.startsAt,
      end: event.endsAt,
      summary: event.held ? `${event.motifLabel} (réservé)` : event.motifLabel,
      location: event.location,
      status: event.held ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      busystatus: ICalEventBusyStatus.BUSY,
    });
  }
  return calendar.toString();
}
