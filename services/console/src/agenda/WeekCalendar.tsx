import type {
  DatesSetArg,
  EventClickArg,
  EventContentArg,
  EventDropArg,
  EventInput,
  EventMountArg,
} from '@fullcalendar/core';
import interactionPlugin from '@fullcalendar/interaction';
import frLocale from '@fullcalendar/core/locales/fr';
import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { forwardRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AppointmentEventDetails } from './agenda-events';

interface Props {
  timeZone: string;
  events: EventInput[];
  /** The first local date shown changed (navigation, day or week view): the page loads that week. */
  onRangeChange(firstDate: Date): void;
  /** An appointment clicked (or Enter on it): its id. */
  onAppointmentOpen?(appointmentId: string): void;
  /** An appointment dropped elsewhere: the page asks scheduling, and reverts the move when it refuses. */
  onAppointmentDrop?(drop: EventDropArg): void;
}

function AppointmentEventContent({ event, timeText }: EventContentArg) {
  const { t } = useTranslation();
  const details = event.extendedProps as Partial<AppointmentEventDetails>;
  if ((event.extendedProps as { kind?: string }).kind === 'snp')
    return <span className="snp-slot-label">{t('agendaActions.snp')}</span>;
  if (details.kind !== 'appointment') return <span>{event.title}</span>;
  return (
    <div className="appointment-content">
      <strong className="appointment-patient">{details.patient ?? t('agenda.busy')}</strong>
      <div>
        {timeText} · {details.motifLabel}
        {details.status && ` · ${t(`status.${details.status}`)}`}
      </div>
      <div>{details.practitioner}</div>
    </div>
  );
}

/** The whole description as the event's tooltip: a short event shows only its first line (the rest is still read). */
function describeEvent({ event, el, timeText }: EventMountArg, t: TFunction): void {
  const details = event.extendedProps as Partial<AppointmentEventDetails>;
  if (details.kind !== 'appointment') return;
  const status = details.status ? t(`status.${details.status}`) : null;
  const text = [timeText, details.patient ?? t('agenda.busy'), details.motifLabel, status, details.practitioner]
    .filter(Boolean)
    .join(' — ');
  el.title = text;
}

/**
 * FullCalendar's time grid (day and week) in French, showing instants in the site's zone (the Luxon plugin converts
 * named zones, whatever the browser's own).
 */
export const WeekCalendar = forwardRef<FullCalendar, Props>(function WeekCalendar(
  { timeZone, events, onRangeChange, onAppointmentOpen, onAppointmentDrop },
  ref,
) {
  const { t } = useTranslation();
  return (
    <FullCalendar
      ref={ref}
      plugins={[timeGridPlugin, luxonPlugin, interactionPlugin]}
      initialView="timeGridWeek"
      locale={frLocale}
      timeZone={timeZone}
      firstDay={1}
      headerToolbar={{ left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek' }}
      // Words rather than icon fonts: the buttons' names are read out ("Précédent", "Suivant").
      buttonIcons={false}
      allDaySlot={false}
      slotMinTime="07:00:00"
      slotMaxTime="21:00:00"
      slotDuration="00:15:00"
      slotLabelInterval="01:00"
      eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
      nowIndicator
      height="auto"
      expandRows
      events={events}
      // Only appointments the page marks movable are dragged (`startEditable` per event); their length is the motif's.
      editable={false}
      eventDurationEditable={false}
      eventInteractive={!!onAppointmentOpen}
      eventClick={(arg: EventClickArg) => {
        const details = arg.event.extendedProps as Partial<AppointmentEventDetails>;
        if (details.kind !== 'appointment') return;
        arg.jsEvent.preventDefault();
        onAppointmentOpen?.(arg.event.id);
      }}
      eventDrop={(arg: EventDropArg) => onAppointmentDrop?.(arg)}
      eventContent={(arg) => <AppointmentEventContent {...arg} />}
      eventDidMount={(arg) => describeEvent(arg, t)}
      datesSet={(arg: DatesSetArg) => onRangeChange(arg.start)}
    />
  );
});
