import type { EventDropArg } from '@fullcalendar/core';
import type FullCalendar from '@fullcalendar/react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { useSessionDraft } from '../common/use-session-draft';
import { addDays, dateAt, slotLabel, todayAt } from '../common/zoned-time';
import { describeError, refusalOf } from '../graphql/error-message';
import { useWorkplace } from '../workplace/workplace';
import { AgendaLegend } from './AgendaLegend';
import { AgendaViewsNav } from './AgendaViewsNav';
import { AbsenceDialog } from './actions/AbsenceDialog';
import { AppointmentDrawer } from './actions/AppointmentDrawer';
import { RESCHEDULE_APPOINTMENT } from './actions/agenda-actions.queries';
import { OnlineRequests } from './actions/OnlineRequests';
import { agendaEvents, motifColours, practitionerName, snpEvents } from './agenda-events';
import { AGENDA_WEEK_QUERY, FREE_SLOTS_QUERY, MOTIFS_QUERY, type PractitionerAgenda } from './agenda.queries';
import { BOOKING_DRAFT_KEY, EMPTY_BOOKING_DRAFT } from './booking/booking-draft';
import { BookingDialog, type BookedAppointment } from './booking/BookingDialog';
import { WeekCalendar } from './WeekCalendar';
import { type Notice, NoticeAlert } from '../common/NoticeAlert';

const ALL = 'all';

/** Roles that book for the site: they move appointments and decide on online requests (scheduling's `book`). */
const DESK_ROLES = ['secretary', 'medical_assistant'] as const;
const BOOKING_ROLES = [...DESK_ROLES, 'practitioner'] as const;
/** Roles that declare absences for any practitioner (scheduling's `declareAbsences`). */
const ABSENCE_ROLES = ['administrator', 'secretary', 'coordinator'] as const;

/** The appointment opened from the week view, with its practitioner's name; gone once the week no longer has it. */
function openedAppointment(practitioners: readonly PractitionerAgenda[], id: string | null) {
  for (const p of practitioners) {
    const appointment = p.appointments.find((a) => a.id === id);
    if (appointment) return { appointment, practitioner: practitionerName(p) };
  }
  return null;
}

/** The selected site's week across its practitioners, and the booking dialog. */
export function AgendaPage() {
  const { t } = useTranslation();
  const { membership, site, roles } = useWorkplace();
  const desk = DESK_ROLES.some((role) => roles.includes(role));
  const mayMove = BOOKING_ROLES.some((role) => roles.includes(role));
  const mayDeclareAbsences = ABSENCE_ROLES.some((role) => roles.includes(role));
  const [absenceOpen, setAbsenceOpen] = useState(false);
  const structureId = membership.structure.id;
  const calendar = useRef<FullCalendar>(null);
  const [weekDate, setWeekDate] = useState(() => todayAt(site.timeZone));
  const [practitionerFilter, setPractitionerFilter] = useState<string>(ALL);
  const [booked, setBooked] = useState<BookedAppointment | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [reschedule] = useMutation(RESCHEDULE_APPOINTMENT);
  const [draft, setDraft, clearDraft] = useSessionDraft(BOOKING_DRAFT_KEY, EMPTY_BOOKING_DRAFT);

  const agenda = useQuery(AGENDA_WEEK_QUERY, {
    variables: { structureId, siteId: site.id, date: weekDate },
    notifyOnNetworkStatusChange: true,
  });
  const motifs = useQuery(MOTIFS_QUERY, { variables: { structureId } });
  const practitioners = useMemo(
    () => (agenda.data ?? agenda.previousData)?.agendaWeek.practitioners ?? [],
    [agenda.data, agenda.previousData],
  );
  const shown = useMemo(
    () =>
      practitionerFilter === ALL ? practitioners : practitioners.filter((p) => p.practitionerId === practitionerFilter),
    [practitioners, practitionerFilter],
  );
  const colourOf = useMemo(() => motifColours((motifs.data?.motifs ?? []).map((m) => m.label)), [motifs.data]);

  // SNP slots of the week, as staff see them (before their release), for the week's most booked motif: SNP slots
  // follow the motif's grid, and that motif is the one the desk books most.
  const snpMotifId = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of practitioners)
      for (const a of p.appointments) counts.set(a.motifId, (counts.get(a.motifId) ?? 0) + 1);
    const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    return top?.[0] ?? motifs.data?.motifs.find((m) => !m.archivedAt && m.bookableBy.includes('STAFF'))?.id ?? null;
  }, [practitioners, motifs.data]);
  const weekStart = (agenda.data ?? agenda.previousData)?.agendaWeek.from ?? weekDate;
  const snp = useQuery(FREE_SLOTS_QUERY, {
    skip: !snpMotifId,
    variables: {
      input: {
        motifId: snpMotifId ?? '',
        from: weekStart,
        to: addDays(weekStart, 6),
        practitionerIds: practitionerFilter === ALL ? [] : [practitionerFilter],
        siteIds: [site.id],
        limit: 2000,
      },
    },
  });
  const events = useMemo(
    () => [
      ...agendaEvents(shown, { meeting: t('agenda.meeting'), absence: t('agenda.absence') }, colourOf, {
        movable: mayMove,
      }),
      ...snpEvents(
        (snp.data?.freeSlots ?? []).filter((slot) => slot.snp),
        t('agendaActions.snpTitle'),
      ),
    ],
    [shown, t, colourOf, mayMove, snp.data],
  );
  const opened = useMemo(() => openedAppointment(practitioners, openId), [practitioners, openId]);
  const motifLabel = (motifId: string) => motifs.data?.motifs.find((m) => m.id === motifId)?.label ?? '—';
  const practitionerLabel = (practitionerId: string) => {
    const agendaOf = practitioners.find((p) => p.practitionerId === practitionerId);
    return agendaOf ? practitionerName(agendaOf) : '—';
  };

  const refresh = () => {
    void agenda.refetch();
    if (snpMotifId) void snp.refetch();
  };

  /** A drop is a request: scheduling may refuse (slot taken, outside the ranges…), then the event goes back. */
  const onDrop = async (drop: EventDropArg) => {
    const startsAt = drop.event.start;
    if (!startsAt) return drop.revert();
    setNotice(null);
    try {
      const answer = await reschedule({
        variables: { input: { appointmentId: drop.event.id, startsAt: startsAt.toISOString() } },
      });
      const when = slotLabel(answer.data?.rescheduleAppointment.startsAt ?? startsAt.toISOString(), site.timeZone);
      setNotice({ tone: 'green', text: t('agendaActions.moved', { when }) });
      refresh();
    } catch (error) {
      drop.revert();
      const message =
        refusalOf(error).code === 'SCHEDULING.SLOT_TAKEN' ? t('agendaActions.slotTaken') : describeError(error, t);
      setNotice({ tone: 'red', text: t('agendaActions.moveRefused', { message }) });
    }
  };

  const onBooked = (appointment: BookedAppointment) => {
    clearDraft();
    setBooked(appointment);
    calendar.current?.getApi().gotoDate(appointment.startsAt);
    refresh();
  };

  return (
    <Stack gap="sm">
      <AgendaViewsNav />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('agenda.title', { site: site.name })}
          </Title>
          <Text size="sm" c="gray.7">
            {t('agenda.timeZone', { zone: site.timeZone })}
          </Text>
        </div>
        <Group align="flex-end">
          <Select
            label={t('agenda.practitionerFilter')}
            allowDeselect={false}
            data={[
              { value: ALL, label: t('agenda.allPractitioners') },
              ...practitioners.map((p) => ({ value: p.practitionerId, label: practitionerName(p) })),
            ]}
            value={practitionerFilter}
            onChange={(value) => setPractitionerFilter(value ?? ALL)}
          />
          {mayDeclareAbsences && (
            <Button variant="default" onClick={() => setAbsenceOpen(true)} disabled={!practitioners.length}>
              {t('agendaActions.absence.open')}
            </Button>
          )}
          <Button onClick={() => setDraft((current) => ({ ...current, open: true }))} disabled={!practitioners.length}>
            {t('agenda.newAppointment')}
          </Button>
        </Group>
      </Group>
      {booked && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('booking.closeMessage')}
          onClose={() => setBooked(null)}
        >
          {t('agenda.booked', { when: slotLabel(booked.startsAt, site.timeZone), patient: booked.patient })}
        </Alert>
      )}
      <NoticeAlert notice={notice} onClose={() => setNotice(null)} />
      {desk && (
        <OnlineRequests
          structureId={structureId}
          siteId={site.id}
          timeZone={site.timeZone}
          motifLabel={motifLabel}
          practitionerLabel={practitionerLabel}
          onDecided={(text, startsAt) => {
            setNotice({ tone: 'green', text });
            if (startsAt) calendar.current?.getApi().gotoDate(startsAt);
            refresh();
          }}
        />
      )}
      {agenda.error && (
        <ErrorState
          message={t('agenda.loadFailed', { message: describeError(agenda.error, t) })}
          onRetry={() => void agenda.refetch()}
        />
      )}
      {agenda.loading && <LoadingState label={t('agenda.loading')} />}
      {!agenda.loading && !agenda.error && !practitioners.length && <Text>{t('agenda.noPractitioner')}</Text>}
      <section aria-label={t('agenda.calendarLabel')} aria-busy={agenda.loading}>
        <WeekCalendar
          ref={calendar}
          timeZone={site.timeZone}
          events={events}
          onRangeChange={(first) => setWeekDate(dateAt(first, site.timeZone))}
          onAppointmentOpen={setOpenId}
          onAppointmentDrop={(drop) => void onDrop(drop)}
        />
        {mayMove && (
          <Text size="sm" c="gray.7" mt={4}>
            {t('agendaActions.dragHint')}
          </Text>
        )}
      </section>
      <AgendaLegend practitioners={shown} colourOf={colourOf} />
      {absenceOpen && (
        <AbsenceDialog
          structureId={structureId}
          timeZone={site.timeZone}
          practitioners={practitioners}
          onClose={() => setAbsenceOpen(false)}
          onDeclared={(text) => {
            setAbsenceOpen(false);
            setNotice({ tone: 'green', text });
            refresh();
          }}
        />
      )}
      {opened && (
        <AppointmentDrawer
          key={opened.appointment.id}
          appointment={opened.appointment}
          practitioner={opened.practitioner}
          timeZone={site.timeZone}
          onClose={() => setOpenId(null)}
          onChanged={(text) => {
            setOpenId(null);
            setNotice({ tone: 'green', text });
            refresh();
          }}
        />
      )}
      {/* Reopened after a sign-in, the dialog waits for the practitioners it offers. */}
      {draft.open && practitioners.length > 0 && (
        <BookingDialog
          structureId={structureId}
          site={site}
          practitioners={practitioners}
          draft={draft}
          onDraftChange={setDraft}
          onClose={clearDraft}
          onBooked={onBooked}
        />
      )}
    </Stack>
  );
}
