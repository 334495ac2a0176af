import {
  Alert,
  Anchor,
  Button,
  Container,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateTime } from 'luxon';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import {
  bookOnline,
  type BookingReceipt,
  fetchMotifs,
  fetchPractice,
  fetchSlots,
  type OnlinePatientForm,
  type PracticePractitioner,
  type PracticeProfile,
  type PracticeSite,
  PublicApiError,
  type PublicMotif,
  type PublicSlot,
} from './public-booking.api';

type Step = 'motif' | 'slot' | 'identity' | 'confirmation';
const STEPS: readonly Step[] = ['motif', 'slot', 'identity', 'confirmation'];
const SEARCH_DAYS = 14;
const EMPTY_PATIENT: OnlinePatientForm = { lastName: '', firstName: '', birthDate: '', phone: '' };
type PatientField = keyof OnlinePatientForm;
const PATIENT_FIELDS: readonly PatientField[] = ['lastName', 'firstName', 'birthDate', 'phone'];

type Load<T> = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; value: T };

/** "mardi 2 décembre à 09:00" at the practice, whatever the phone's zone. */
const longSlot = (slot: Pick<PublicSlot, 'startsAt' | 'timeZone'>) =>
  DateTime.fromISO(slot.startsAt, { zone: slot.timeZone }).setLocale('fr').toFormat("cccc d LLLL 'à' HH:mm");

/**
 * Without the practice's profile (the directory out of reach), one slot a time: the time goes to whichever practitioner
 * (and, on a page without `?site`, site) comes first, as nobody can be named; the secretariat confirms who and where.
 */
function distinctTimes(slots: readonly PublicSlot[]): PublicSlot[] {
  const seen = new Set<string>();
  return slots.filter((slot) => {
    const key = slot.startsAt;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function byDay(slots: readonly PublicSlot[]): Array<{ day: string; slots: PublicSlot[] }> {
  const days = new Map<string, PublicSlot[]>();
  for (const slot of slots) {
    const day = DateTime.fromISO(slot.startsAt, { zone: slot.timeZone }).toISODate() as string;
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days.entries()].map(([day, daySlots]) => ({ day, slots: daySlots }));
}

/** The practice's profile indexed by id, to name the ids of slots and receipts. */
interface Names {
  practice: PracticeProfile;
  practitioners: Map<string, PracticePractitioner>;
  /** Position in the practice's list (by last name): the order of the groups of times. */
  rank: Map<string, number>;
  sites: Map<string, PracticeSite>;
}

const namesOf = (practice: PracticeProfile): Names => ({
  practice,
  practitioners: new Map(practice.practitioners.map((p) => [p.id, p])),
  rank: new Map(practice.practitioners.map((p, i) => [p.id, i])),
  sites: new Map(practice.sites.map((site) => [site.id, site])),
});

interface SlotGroup {
  key: string;
  practitionerId: string;
  siteId: string;
  slots: PublicSlot[];
}

/** A day's times per practitioner and site, in the practice's order of practitioners (someone unnamed last). */
function byPractitioner(slots: readonly PublicSlot[], names: Names): SlotGroup[] {
  const groups = new Map<string, SlotGroup>();
  for (const slot of slots) {
    const key = `${slot.practitionerId}|${slot.siteId}`;
    const group = groups.get(key) ?? { key, practitionerId: slot.practitionerId, siteId: slot.siteId, slots: [] };
    group.slots.push(slot);
    groups.set(key, group);
  }
  const rank = (id: string) => names.rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  const siteName = (id: string) => names.sites.get(id)?.name ?? '';
  return [...groups.values()].sort(
    (a, b) => rank(a.practitionerId) - rank(b.practitionerId) || siteName(a.siteId).localeCompare(siteName(b.siteId)),
  );
}

/** "+33299094120" as French patients write it, "02 99 09 41 20"; another country's number as given. */
const frenchPhone = (e164: string): string =>
  /^\+33\d{9}$/.test(e164) ? `0${e164.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ') : e164;

/**
 * The practice's public online-booking page (SCH-5), for patients on a phone: motif, then a time at the practice
 * (in its zone), then who they are, then the request the secretariat will confirm. No sign-in: it speaks to the public
 * REST API on the gateway's origin, which answers the same for everyone, patient of the practice or not.
 */
export function PublicBookingPage() {
  const { t } = useTranslation();
  const { structureId = '' } = useParams();
  // A practice with several sites links each site's page here with `?site=<id>`: its slots only.
  const [search] = useSearchParams();
  const siteId = search.get('site');
  const [step, setStep] = useState<Step>('motif');
  const [motifs, setMotifs] = useState<Load<PublicMotif[]>>({ state: 'loading' });
  // Null until the directory has named the practice, and while it cannot: the page then books without names.
  const [practice, setPractice] = useState<PracticeProfile | null>(null);
  const [who, setWho] = useState('');
  const [motif, setMotif] = useState<PublicMotif | null>(null);
  const [slots, setSlots] = useState<Load<PublicSlot[]>>({ state: 'loading' });
  const [day, setDay] = useState<string | null>(null);
  const [slot, setSlot] = useState<PublicSlot | null>(null);
  const [patient, setPatient] = useState<OnlinePatientForm>(EMPTY_PATIENT);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<PatientField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [receipt, setReceipt] = useState<BookingReceipt | null>(null);
  const [attempt, setAttempt] = useState(0);
  const stepHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    fetchMotifs(structureId).then(
      (value) => current && setMotifs({ state: 'ready', value }),
      (error: unknown) => current && setMotifs({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [structureId, attempt]);

  useEffect(() => {
    let current = true;
    fetchPractice(structureId).then(
      (value) => current && setPractice(value),
      // Names are a comfort, not a step: the motifs and times work without them.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [structureId, attempt]);

  const names = useMemo(() => (practice ? namesOf(practice) : null), [practice]);
  const pageSite = (siteId && names?.sites.get(siteId)) || null;
  // The number to call: the page's site, or the practice's only one.
  const desk = pageSite ?? (practice?.sites.length === 1 ? practice.sites[0] : null);

  useEffect(() => {
    document.title = practice
      ? t('publicBooking.documentTitle', { practice: practice.name })
      : t('publicBooking.title');
  }, [practice, t]);

  useEffect(() => {
    if (!motif) return;
    let current = true;
    const today = DateTime.now();
    fetchSlots(structureId, {
      motifId: motif.id,
      practitionerId: motif.practitionerId,
      siteId,
      from: today.minus({ days: 1 }).toISODate() as string,
      to: today.plus({ days: SEARCH_DAYS - 2 }).toISODate() as string,
    }).then(
      (value) => current && setSlots({ state: 'ready', value }),
      (error: unknown) => current && setSlots({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [structureId, siteId, motif, attempt]);

  // A new step is announced by moving the focus to its title (screen readers read it; the keyboard starts there).
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [step]);

  const describe = useCallback(
    (error: unknown): string => {
      if (!(error instanceof PublicApiError)) return t('publicBooking.network');
      if (error.status === 0) return t('publicBooking.network');
      if (error.status === 429) return t('publicBooking.rateLimited');
      if (error.status === 503) return t('publicBooking.unavailable');
      return error.message;
    },
    [t],
  );

  const chooseMotif = (chosen: PublicMotif) => {
    setMotif(chosen);
    setSlots({ state: 'loading' });
    setDay(null);
    setWho('');
    setSlot(null);
    setStep('slot');
  };

  const chooseSlot = (chosen: PublicSlot) => {
    setSlot(chosen);
    setFormError(null);
    setStep('identity');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!motif || !slot || submitting) return;
    setSubmitting(true);
    setFieldErrors({});
    setFormError(null);
    try {
      const answer = await bookOnline(structureId, {
        motifId: motif.id,
        practitionerId: slot.practitionerId,
        siteId: slot.siteId,
        startsAt: slot.startsAt,
        patient,
      });
      setReceipt(answer);
      setStep('confirmation');
    } catch (error) {
      refused(error);
    } finally {
      setSubmitting(false);
    }
  };

  /** The API's refusal next to the field it names, or above the form; a time taken meanwhile sends back to the times. */
  const refused = (error: unknown) => {
    if (error instanceof PublicApiError) {
      const field = error.field?.replace(/^patient\./, '') as PatientField | undefined;
      if (error.field?.startsWith('patient.') && field && PATIENT_FIELDS.includes(field)) {
        const message =
          field === 'birthDate' && /past/.test(error.message)
            ? t('publicBooking.fieldErrors.birthDatePast')
            : t(`publicBooking.fieldErrors.${field}`);
        setFieldErrors({ [field]: message });
        setFormError(t('publicBooking.checkFields'));
        return;
      }
      if (error.code === 'SCHEDULING.SLOT_TAKEN' || error.field === 'startsAt') {
        setSlot(null);
        setSlots({ state: 'loading' });
        setAttempt((n) => n + 1);
        setFormError(t('publicBooking.slotTaken'));
        setStep('slot');
        return;
      }
    }
    setFormError(t('publicBooking.failed', { message: describe(error) }));
  };

  const restart = () => {
    setMotif(null);
    setSlot(null);
    setReceipt(null);
    setPatient(EMPTY_PATIENT);
    setFormError(null);
    setStep('motif');
  };

  const offered = useMemo(() => (slots.state === 'ready' ? slots.value : []), [slots]);
  // The practitioners with a time to offer, in the practice's order: the patient may look for theirs.
  const offeredPractitioners = useMemo(() => {
    if (!names) return [];
    const ids = new Set(offered.map((s) => s.practitionerId));
    return names.practice.practitioners.filter((p) => ids.has(p.id));
  }, [names, offered]);
  const chosenWho = offeredPractitioners.some((p) => p.id === who) ? who : '';
  const visible = useMemo(
    () => (names ? offered.filter((s) => !chosenWho || s.practitionerId === chosenWho) : distinctTimes(offered)),
    [names, offered, chosenWho],
  );
  const days = useMemo(() => byDay(visible), [visible]);
  const activeDay = days.some((d) => d.day === day) ? day : (days[0]?.day ?? null);
  const daySlots = days.find((d) => d.day === activeDay)?.slots ?? [];
  const groups = names ? byPractitioner(daySlots, names) : [];
  const stepNumber = STEPS.indexOf(step) + 1;
  // The desk of the site the request is for answers questions about it.
  const receiptPhone = (receipt && names?.sites.get(receipt.siteId)?.phone) || desk?.phone || null;

  /** Who and where, in words, when the directory named them; a teleconsultation has no place to go to. */
  const practitionerName = (id: string) =>
    names?.practitioners.get(id)?.displayName ?? t('publicBooking.unnamedPractitioner');
  const placeName = (siteId: string) =>
    motif?.channel === 'teleconsultation' ? null : (names?.sites.get(siteId)?.name ?? null);
  const slotLabel = (s: PublicSlot) => {
    if (!names) return longSlot(s);
    const site = placeName(s.siteId);
    const practitioner = practitionerName(s.practitionerId);
    return site
      ? t('publicBooking.slotWithAt', { when: longSlot(s), practitioner, site })
      : t('publicBooking.slotWith', { when: longSlot(s), practitioner });
  };
  const withWhom = (practitionerId: string, siteId: string) => {
    const site = placeName(siteId);
    const practitioner = practitionerName(practitionerId);
    return site
      ? t('publicBooking.chosenWithAt', { practitioner, site })
      : t('publicBooking.chosenWith', { practitioner });
  };
  const timeButton = (s: PublicSlot) => (
    <Button
      key={`${s.startsAt}-${s.practitionerId}-${s.siteId}`}
      size="lg"
      variant="default"
      aria-label={slotLabel(s)}
      onClick={() => chooseSlot(s)}
    >
      {DateTime.fromISO(s.startsAt, { zone: s.timeZone }).toFormat('HH:mm')}
    </Button>
  );
  const deskLine = desk?.phone && (
    <Text size="md">
      {t('publicBooking.deskPhone')}{' '}
      <Anchor href={`tel:${desk.phone}`} underline="always">
        {frenchPhone(desk.phone)}
      </Anchor>
    </Text>
  );

  return (
    <Container component="main" size={560} px="md" py="lg" className="public-booking">
      <Stack gap="md">
        <header>
          <Title order={1} size="h2">
            {practice?.name ?? t('publicBooking.title')}
          </Title>
          {practice && (
            <Text size="md" fw={600} mt={4}>
              {t('publicBooking.title')}
            </Text>
          )}
          {pageSite && (
            <Text size="sm" mt={4}>
              {t('publicBooking.place', { site: pageSite.name, address: pageSite.address })}
            </Text>
          )}
          {step === 'motif' && (
            <Text size="md" mt="sm">
              {t('publicBooking.intro')}
            </Text>
          )}
        </header>
        <Text size="sm" c="gray.7">
          {t('publicBooking.step', { current: stepNumber, total: STEPS.length })}
        </Text>
        <Title order={2} size="h3" ref={stepHeading} tabIndex={-1} className="public-booking__step-title">
          {t(`publicBooking.steps.${step}`)}
        </Title>

        {step === 'motif' && (
          <>
            {motifs.state === 'loading' && <LoadingState label={t('publicBooking.loadingMotifs')} />}
            {motifs.state === 'failed' && (
              <ErrorState
                message={t('publicBooking.motifsFailed', { message: describe(motifs.error) })}
                onRetry={() => {
                  setMotifs({ state: 'loading' });
                  setAttempt((n) => n + 1);
                }}
              />
            )}
            {motifs.state === 'ready' && motifs.value.length === 0 && (
              <>
                <Text>{t('publicBooking.noMotif')}</Text>
                {deskLine}
              </>
            )}
            {motifs.state === 'ready' && (
              <Stack gap="sm" component="ul" className="public-booking__list">
                {motifs.value.map((m) => (
                  <li key={m.id}>
                    <Button
                      fullWidth
                      size="xl"
                      variant="default"
                      className="public-booking__choice"
                      onClick={() => chooseMotif(m)}
                    >
                      <span className="public-booking__choice-text">
                        <span className="public-booking__choice-title">{m.label}</span>
                        <span className="public-booking__choice-detail">
                          {[
                            t('publicBooking.duration', { minutes: m.durationMinutes }),
                            t(`publicBooking.channel.${m.channel}`, { defaultValue: '' }),
                            m.newPatientsAllowed
                              ? t('publicBooking.newPatientsWelcome')
                              : t('publicBooking.knownPatientsOnly'),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                      </span>
                    </Button>
                  </li>
                ))}
              </Stack>
            )}
          </>
        )}

        {step === 'slot' && motif && (
          <>
            <Text fw={600}>{t('publicBooking.chosenMotif', { motif: motif.label })}</Text>
            {formError && (
              <Alert color="orange" role="alert">
                {formError}
              </Alert>
            )}
            {slots.state === 'loading' && <LoadingState label={t('publicBooking.loadingSlots')} />}
            {slots.state === 'failed' && (
              <ErrorState
                message={t('publicBooking.slotsFailed', { message: describe(slots.error) })}
                onRetry={() => {
                  setSlots({ state: 'loading' });
                  setAttempt((n) => n + 1);
                }}
              />
            )}
            {slots.state === 'ready' && offered.length === 0 && (
              <>
                <Text>{t('publicBooking.noSlot')}</Text>
                {deskLine}
              </>
            )}
            {offeredPractitioners.length > 1 && (
              <NativeSelect
                size="lg"
                label={t('publicBooking.practitioner')}
                value={chosenWho}
                onChange={(event) => setWho(event.currentTarget.value)}
                data={[
                  { value: '', label: t('publicBooking.anyPractitioner') },
                  ...offeredPractitioners.map((p) => ({ value: p.id, label: p.displayName })),
                ]}
              />
            )}
            {days.length > 0 && (
              <>
                <Text size="sm" c="gray.7">
                  {t('publicBooking.zone', { zone: days[0].slots[0].timeZone })}
                </Text>
                <div role="group" aria-label={t('publicBooking.days')}>
                  <SimpleGrid cols={3} spacing="xs">
                    {days.map((d) => {
                      const date = DateTime.fromISO(d.day).setLocale('fr');
                      return (
                        <Button
                          key={d.day}
                          size="lg"
                          variant={d.day === activeDay ? 'filled' : 'default'}
                          aria-pressed={d.day === activeDay}
                          onClick={() => setDay(d.day)}
                          className="public-booking__day"
                        >
                          <span className="public-booking__day-text">
                            <span>{date.toFormat('ccc')}</span> <span>{date.toFormat('d LLL')}</span>
                          </span>
                        </Button>
                      );
                    })}
                  </SimpleGrid>
                </div>
                {activeDay && (
                  <div role="group" aria-labelledby="public-booking-times">
                    <Text id="public-booking-times" fw={600} mb="xs">
                      {t('publicBooking.times', {
                        day: DateTime.fromISO(activeDay).setLocale('fr').toFormat('cccc d LLLL'),
                      })}
                    </Text>
                    {names ? (
                      <Stack gap="md">
                        {groups.map((group, index) => {
                          const practitioner = names.practitioners.get(group.practitionerId);
                          const site = placeName(group.siteId);
                          const profession = practitioner
                            ? t(`publicBooking.profession.${practitioner.profession}`, { defaultValue: '' })
                            : '';
                          const detail = [profession, site].filter(Boolean).join(' · ');
                          return (
                            <div
                              key={group.key}
                              role="group"
                              aria-labelledby={`public-booking-group-${index}`}
                              className="public-booking__practitioner"
                            >
                              <Title order={3} size="h4" id={`public-booking-group-${index}`}>
                                {practitionerName(group.practitionerId)}
                              </Title>
                              {detail && (
                                <Text size="sm" c="gray.7" mb="xs">
                                  {detail}
                                </Text>
                              )}
                              <SimpleGrid cols={3} spacing="xs">
                                {group.slots.map(timeButton)}
                              </SimpleGrid>
                            </div>
                          );
                        })}
                      </Stack>
                    ) : (
                      <SimpleGrid cols={3} spacing="xs">
                        {daySlots.map(timeButton)}
                      </SimpleGrid>
                    )}
                  </div>
                )}
              </>
            )}
            <Group>
              <Button variant="subtle" size="md" onClick={() => setStep('motif')}>
                {t('publicBooking.back')}
              </Button>
            </Group>
          </>
        )}

        {step === 'identity' && motif && slot && (
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="md">
              <div>
                <Text fw={600}>{t('publicBooking.chosenSlot', { motif: motif.label, when: longSlot(slot) })}</Text>
                {names && <Text>{withWhom(slot.practitionerId, slot.siteId)}</Text>}
              </div>
              {formError && (
                <Alert color="red" role="alert">
                  {formError}
                </Alert>
              )}
              {PATIENT_FIELDS.map((field) => (
                <TextInput
                  key={field}
                  size="lg"
                  label={t(`publicBooking.${field}`)}
                  description={field === 'phone' ? t('publicBooking.phoneHint') : undefined}
                  withAsterisk
                  type={field === 'birthDate' ? 'date' : field === 'phone' ? 'tel' : 'text'}
                  autoComplete={
                    { lastName: 'family-name', firstName: 'given-name', birthDate: 'bday', phone: 'tel' }[field]
                  }
                  inputMode={field === 'phone' ? 'tel' : undefined}
                  value={patient[field]}
                  error={fieldErrors[field]}
                  aria-required
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setPatient((p) => ({ ...p, [field]: value }));
                  }}
                />
              ))}
              <Text size="sm" c="gray.7">
                {t('publicBooking.privacy')}
              </Text>
              <Button type="submit" size="xl" fullWidth loading={submitting}>
                {submitting ? t('publicBooking.submitting') : t('publicBooking.submit')}
              </Button>
              <Group>
                <Button variant="subtle" size="md" onClick={() => setStep('slot')}>
                  {t('publicBooking.back')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}

        {step === 'confirmation' && motif && receipt && (
          <Paper withBorder p="md" role="status" className="public-booking__receipt">
            <Stack gap="xs">
              <Text fw={700} size="lg">
                {t('publicBooking.confirmationLead')}
              </Text>
              <Text fw={600}>
                {t('publicBooking.confirmationWhat', {
                  motif: motif.label,
                  when: longSlot({ startsAt: receipt.startsAt, timeZone: slot?.timeZone ?? 'Europe/Paris' }),
                })}
              </Text>
              {names && (
                <ReceiptPlace
                  practitioner={names.practitioners.get(receipt.practitionerId)}
                  site={motif.channel === 'teleconsultation' ? undefined : names.sites.get(receipt.siteId)}
                />
              )}
              <Text>
                {receipt.holdExpiresAt
                  ? t('publicBooking.confirmationNext', {
                      until: longSlot({
                        startsAt: receipt.holdExpiresAt,
                        timeZone: slot?.timeZone ?? 'Europe/Paris',
                      }),
                    })
                  : t('publicBooking.confirmationNextNoHold')}
              </Text>
              {receiptPhone && (
                <Text>
                  {t('publicBooking.confirmationQuestions')}{' '}
                  <Anchor href={`tel:${receiptPhone}`} underline="always">
                    {frenchPhone(receiptPhone)}
                  </Anchor>
                  .
                </Text>
              )}
              <Text size="sm">
                {t('publicBooking.confirmationReference', { reference: receipt.requestId.slice(0, 8).toUpperCase() })}
              </Text>
              <Button variant="default" size="md" onClick={restart}>
                {t('publicBooking.anotherBooking')}
              </Button>
            </Stack>
          </Paper>
        )}
      </Stack>
    </Container>
  );
}

/** Who the request is with and where to go: what the patient needs to find the appointment again. */
function ReceiptPlace({ practitioner, site }: { practitioner?: PracticePractitioner; site?: PracticeSite }) {
  const { t } = useTranslation();
  return (
    <>
      {practitioner && (
        <Text>
          {t('publicBooking.confirmationWho', {
            practitioner: practitioner.displayName,
            profession: t(`publicBooking.profession.${practitioner.profession}`, {
              defaultValue: practitioner.profession,
            }),
          })}
        </Text>
      )}
      {site && <Text>{t('publicBooking.place', { site: site.name, address: site.address })}</Text>}
    </>
  );
}
