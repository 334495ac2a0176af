import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../common/ErrorState';
import { LoadingState } from '../../common/LoadingState';
import { useSessionDraft } from '../../common/use-session-draft';
import { frenchDate, slotLabel, todayAt } from '../../common/zoned-time';
import { describeError } from '../../graphql/error-message';
import { useWorkplace } from '../../workplace/workplace';
import { patientName } from '../agenda-events';
import { AgendaViewsNav } from '../AgendaViewsNav';
import { MOTIF_DETAILS_QUERY, STRUCTURE_MEMBERS_QUERY } from '../settings/agenda-settings.queries';
import { memberName, practitionersIn } from '../settings/practitioners';
import { emptyWaitlistDraft, JoinWaitlistDialog, WAITLIST_DRAFT_KEY } from './JoinWaitlistDialog';
import {
  ACCEPT_WAITLIST_OFFER,
  DECLINE_WAITLIST_OFFER,
  LEAVE_WAITLIST,
  WAITLIST_QUERY,
  type WaitlistEntry,
  type WaitlistOffer,
} from './waitlist.queries';
import { type Notice, NoticeAlert } from '../../common/NoticeAlert';

const ALL = 'all';
/** Dark enough for white text at AA contrast (the agenda's motif palette). */
const OFFERED_COLOUR = '#a14000';
const SITE = 'site';
/** Offers are made from scheduling's events, a moment after a slot is freed: the list keeps up on its own. */
const POLL_MS = 5_000;

/**
 * The structure's waitlist (SCH-9): who waits for an earlier slot, with whom and before when, and every freed slot
 * offered to them with what became of it. The desk adds a patient, takes one off, or answers an open offer on the
 * patient's behalf (the patient may also answer from the link they were sent).
 */
export function WaitlistPage() {
  const { t } = useTranslation();
  const { membership, site } = useWorkplace();
  const structureId = membership.structure.id;
  const today = todayAt(site.timeZone);
  const [filter, setFilter] = useState<string>(ALL);
  const [notice, setNotice] = useState<Notice | null>(null);
  const emptyDraft = useMemo(() => emptyWaitlistDraft(today), [today]);
  const [draft, setDraft, clearDraft] = useSessionDraft(WAITLIST_DRAFT_KEY, emptyDraft);

  const waitlist = useQuery(WAITLIST_QUERY, {
    variables: { structureId },
    pollInterval: POLL_MS,
    notifyOnNetworkStatusChange: false,
  });
  const members = useQuery(STRUCTURE_MEMBERS_QUERY, { variables: { structureId, siteId: null } });
  const siteMembers = useQuery(STRUCTURE_MEMBERS_QUERY, { variables: { structureId, siteId: site.id } });
  const motifs = useQuery(MOTIF_DETAILS_QUERY, { variables: { structureId, includeArchived: true } });
  const practitioners = useMemo(
    () => practitionersIn(members.data?.members ?? [], structureId),
    [members.data, structureId],
  );
  const atSite = useMemo(
    () => practitionersIn(siteMembers.data?.members ?? [], structureId),
    [siteMembers.data, structureId],
  );
  const [leave] = useMutation(LEAVE_WAITLIST, { refetchQueries: ['ConsoleWaitlist'], awaitRefetchQueries: true });
  const [accept] = useMutation(ACCEPT_WAITLIST_OFFER, {
    refetchQueries: ['ConsoleWaitlist'],
    awaitRefetchQueries: true,
  });
  const [decline] = useMutation(DECLINE_WAITLIST_OFFER, {
    refetchQueries: ['ConsoleWaitlist'],
    awaitRefetchQueries: true,
  });
  const [busy, setBusy] = useState<string | null>(null);

  const entries = waitlist.data?.waitlist ?? [];
  const shown = entries.filter((entry) => {
    if (filter === ALL) return true;
    if (filter === SITE)
      return atSite.some(
        (p) => p.id === entry.practitionerId || (!entry.practitionerId && p.profession === entry.profession),
      );
    const chosen = practitioners.find((p) => p.id === filter);
    return entry.practitionerId === filter || (!entry.practitionerId && entry.profession === chosen?.profession);
  });
  const nameOf = (id: string) => {
    const found = members.data?.members.find((m) => m.id === id);
    return found ? memberName(found) : t('waitlist.formerMember');
  };
  const siteOf = (id: string) => membership.structure.sites.find((s) => s.id === id);
  const motifLabel = (id: string) => motifs.data?.motifs.find((m) => m.id === id)?.label ?? '—';
  const patientOf = (entry: WaitlistEntry) => patientName(entry.patient) ?? t('waitlist.patientHidden');
  const offerWhen = (offer: WaitlistOffer) =>
    slotLabel(offer.startsAt, siteOf(offer.siteId)?.timeZone ?? site.timeZone);

  /** The button pressed shows its progress; the list is read again after each action. */
  const act = async (key: string, action: () => Promise<string>) => {
    setBusy(key);
    setNotice(null);
    try {
      setNotice({ tone: 'green', text: await action() });
    } catch (error) {
      setNotice({ tone: 'red', text: t('waitlist.actionFailed', { message: describeError(error, t) }) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="sm">
      <AgendaViewsNav />
      <div>
        <Title order={1} size="h2">
          {t('waitlist.title', { structure: membership.structure.name })}
        </Title>
        <Text size="sm" c="gray.7" maw={820}>
          {t('waitlist.intro')}
        </Text>
      </div>
      <Group align="flex-end" justify="space-between">
        <Select
          label={t('waitlist.filter')}
          allowDeselect={false}
          searchable
          data={[
            { value: ALL, label: t('waitlist.filters.all') },
            { value: SITE, label: t('waitlist.filters.site', { site: site.name }) },
            ...practitioners.map((p) => ({ value: p.id, label: memberName(p) })),
          ]}
          value={filter}
          onChange={(value) => setFilter(value ?? ALL)}
          w={{ base: '100%', xs: 320 }}
        />
        <Button onClick={() => setDraft({ ...draft, open: true })} disabled={!practitioners.length}>
          {t('waitlist.add')}
        </Button>
      </Group>
      <NoticeAlert notice={notice} onClose={() => setNotice(null)} />
      {waitlist.error && (
        <ErrorState
          message={t('waitlist.failed', { message: describeError(waitlist.error, t) })}
          onRetry={() => void waitlist.refetch()}
        />
      )}
      {waitlist.loading && !waitlist.data && <LoadingState label={t('waitlist.loading')} />}
      {waitlist.data && (
        <Text size="sm" role="status">
          {entries.length ? t('waitlist.count', { count: shown.length }) : t('waitlist.none')}
          {entries.length > 0 && !shown.length ? ` ${t('waitlist.noneShown')}` : ''}
        </Text>
      )}
      {shown.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('waitlist.listLabel')}>
          {shown.map((entry) => {
            const patient = patientOf(entry);
            const open = entry.offers.find((offer) => offer.status === 'open') ?? null;
            return (
              <Paper key={entry.id} component="li" withBorder p="sm">
                <Stack gap={4}>
                  <Group justify="space-between" align="flex-start">
                    <Title order={2} size="h5">
                      {patient}
                    </Title>
                    <Badge color={entry.status === 'offered' ? OFFERED_COLOUR : 'blue.9'}>
                      {t(`waitlist.status.${entry.status}`)}
                    </Badge>
                  </Group>
                  <Text size="sm">{t('waitlist.motif', { motif: motifLabel(entry.motifId) })}</Text>
                  <Text size="sm">
                    {entry.practitionerId
                      ? t('waitlist.forPractitioner', { name: nameOf(entry.practitionerId) })
                      : t('waitlist.forProfession', {
                          profession: t(`meetings.profession.${entry.profession}`, {
                            defaultValue: entry.profession ?? '',
                          }),
                        })}
                  </Text>
                  <Text size="sm">{t('waitlist.before', { date: frenchDate(entry.before) })}</Text>
                  <Text size="sm" c="gray.7">
                    {t('waitlist.since', { date: frenchDate(entry.createdAt.slice(0, 10)) })}
                  </Text>
                  <Text size="sm" fw={600} mt={4}>
                    {t('waitlist.offers')}
                  </Text>
                  {entry.offers.length ? (
                    <List size="sm">
                      {entry.offers.map((offer) => {
                        const zone = siteOf(offer.siteId)?.timeZone ?? site.timeZone;
                        return (
                          <List.Item key={offer.id}>
                            {t('waitlist.offer', {
                              when: offerWhen(offer),
                              practitioner: nameOf(offer.practitionerId),
                              site: siteOf(offer.siteId)?.name ?? t('waitlist.otherSite'),
                            })}{' '}
                            — {t(`waitlist.offerStatus.${offer.status}`, { expires: slotLabel(offer.expiresAt, zone) })}{' '}
                            ({t('waitlist.offeredOn', { date: slotLabel(offer.createdAt, zone) })})
                          </List.Item>
                        );
                      })}
                    </List>
                  ) : (
                    <Text size="sm" c="gray.7">
                      {t('waitlist.noOffer')}
                    </Text>
                  )}
                  <Group gap="xs" mt={4}>
                    {open && (
                      <>
                        <Button
                          size="xs"
                          loading={busy === `${entry.id}:accept`}
                          aria-label={t('waitlist.acceptLabel', { when: offerWhen(open), patient })}
                          onClick={() =>
                            void act(`${entry.id}:accept`, async () => {
                              await accept({ variables: { offerId: open.id } });
                              return t('waitlist.accepted', { patient, when: offerWhen(open) });
                            })
                          }
                        >
                          {t('waitlist.accept')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          loading={busy === `${entry.id}:decline`}
                          aria-label={t('waitlist.declineLabel', { when: offerWhen(open), patient })}
                          onClick={() =>
                            void act(`${entry.id}:decline`, async () => {
                              await decline({ variables: { offerId: open.id } });
                              return t('waitlist.declined', { patient });
                            })
                          }
                        >
                          {t('waitlist.decline')}
                        </Button>
                      </>
                    )}
                    {entry.status === 'waiting' && (
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.9"
                        loading={busy === `${entry.id}:remove`}
                        aria-label={t('waitlist.removeLabel', { patient })}
                        onClick={() =>
                          void act(`${entry.id}:remove`, async () => {
                            await leave({ variables: { entryId: entry.id } });
                            return t('waitlist.removed', { patient });
                          })
                        }
                      >
                        {t('waitlist.remove')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      )}
      {draft.open && practitioners.length > 0 && (
        <JoinWaitlistDialog
          structureId={structureId}
          today={today}
          practitioners={practitioners}
          motifs={motifs.data?.motifs ?? []}
          draft={draft}
          onDraftChange={setDraft}
          onClose={clearDraft}
          onJoined={(patient) => {
            clearDraft();
            setNotice({ tone: 'green', text: t('waitlist.join.joined', { patient }) });
          }}
        />
      )}
    </Stack>
  );
}
