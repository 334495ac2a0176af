import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateTime } from 'luxon';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { useSessionDraft } from '../common/use-session-draft';
import { isUnauthenticated } from '../graphql/apollo-client';
import { describeError, refusalOf } from '../graphql/error-message';
import type { MembershipSummary } from '../workplace/me.query';
import { dayLabel, fullName, type MemberIndex, shortRef, timeLabel } from './meeting-format';
import {
  MEETING_KINDS,
  MEETING_PROPOSALS_QUERY,
  SCHEDULE_MEETING_MUTATION,
  type Meeting,
  type MeetingKind,
  type StructureMember,
} from './meetings.queries';

interface PlannerDraft {
  title: string;
  kind: MeetingKind;
  siteId: string | null;
  remote: boolean;
  videoLink: string;
  inviteeIds: string[];
  durationMinutes: string;
  windowDays: string;
  startsAt: string | null;
  placeAnyway: boolean;
}

const DRAFT_KEY = 'msp-console.meeting-planner';
const DURATIONS = ['30', '45', '60', '90', '120'];
const WINDOWS = ['7', '14', '28', '56'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface Props {
  structure: MembershipSummary['structure'];
  members: StructureMember[];
  memberIndex: MemberIndex;
  selfId: string;
  onPlanned(meeting: Meeting): void;
  onCancel(): void;
}

/**
 * COO-2: who is invited, how long, then the times when they are free across their sites (scheduling's agendas, read by
 * coordination), best first; one of them becomes the meeting.
 */
export function MeetingPlanner({ structure, members, memberIndex, selfId, onPlanned, onCancel }: Props) {
  const { t } = useTranslation();
  const zone = structure.timeZone;
  const empty = useMemo<PlannerDraft>(
    () => ({
      title: t('meetings.planner.defaultTitle'),
      kind: 'rcp',
      siteId: structure.sites[0]?.id ?? null,
      remote: false,
      videoLink: '',
      inviteeIds: [],
      durationMinutes: '90',
      windowDays: '14',
      startsAt: null,
      placeAnyway: false,
    }),
    [t, structure.sites],
  );
  const [draft, setDraft, clearDraft] = useSessionDraft<PlannerDraft>(DRAFT_KEY, empty);
  const change = (patch: Partial<PlannerDraft>) => setDraft({ ...draft, ...patch });
  const [from] = useState(() => DateTime.utc().startOf('minute'));
  const [failure, setFailure] = useState<string | null>(null);
  const [busyNames, setBusyNames] = useState<string | null>(null);
  const nameOf = (id: string) => {
    const member = memberIndex.get(id);
    return member ? fullName(member) : t('meetings.formerMember', { ref: shortRef(id) });
  };

  const proposals = useQuery(MEETING_PROPOSALS_QUERY, {
    variables: {
      input: {
        structureId: structure.id,
        inviteeIds: draft.inviteeIds,
        from: from.toISO() as string,
        to: from.plus({ days: Number(draft.windowDays) }).toISO() as string,
        durationMinutes: Number(draft.durationMinutes),
        limit: 8,
      },
    },
    skip: draft.inviteeIds.length === 0,
  });
  const answer = proposals.data?.meetingProposals;
  const chosen = answer?.proposals.find((p) => p.startsAt === draft.startsAt) ?? null;

  const [schedule, scheduling] = useMutation(SCHEDULE_MEETING_MUTATION);
  const submit = async () => {
    if (!chosen) return;
    setFailure(null);
    try {
      const { data } = await schedule({
        variables: {
          input: {
            structureId: structure.id,
            kind: draft.kind,
            title: draft.title.trim(),
            siteId: draft.remote ? null : draft.siteId,
            videoLink: draft.remote ? draft.videoLink.trim() : null,
            startsAt: chosen.startsAt,
            endsAt: chosen.endsAt,
            inviteeIds: draft.inviteeIds,
            placeOverBookedPatients: draft.placeAnyway,
          },
        },
      });
      if (data) {
        clearDraft();
        onPlanned(data.scheduleMeeting);
      }
    } catch (error) {
      if (isUnauthenticated(error)) return;
      if (refusalOf(error).reason === 'COORDINATION.ATTENDEES_BUSY') {
        const ids = describeError(error, t).match(UUID) ?? [];
        setBusyNames(ids.map(nameOf).join(', '));
      } else setFailure(t('meetings.planner.failed', { message: describeError(error, t) }));
    }
  };

  const others = members.filter((m) => m.id !== selfId).sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr'));
  const ready =
    chosen !== null &&
    draft.title.trim().length > 0 &&
    (draft.remote ? draft.videoLink.trim().startsWith('https://') : draft.siteId !== null) &&
    (busyNames === null || draft.placeAnyway);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="meeting-planner-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="meeting-planner-title">
          {t('meetings.planner.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('meetings.planner.meetingTitle')}
            value={draft.title}
            required
            onChange={(event) => change({ title: event.currentTarget.value })}
          />
          <Select
            label={t('meetings.planner.kind')}
            allowDeselect={false}
            data={MEETING_KINDS.map((kind) => ({ value: kind, label: t(`meetings.kind.${kind}`) }))}
            value={draft.kind}
            onChange={(kind) => change({ kind: (kind as MeetingKind | null) ?? 'rcp' })}
          />
          <Select
            label={t('meetings.planner.site')}
            allowDeselect={false}
            disabled={draft.remote}
            data={structure.sites.map((site) => ({ value: site.id, label: site.name }))}
            value={draft.siteId}
            onChange={(siteId) => change({ siteId })}
          />
          <Stack gap={6}>
            <Switch
              label={t('meetings.planner.remote')}
              checked={draft.remote}
              onChange={(event) => change({ remote: event.currentTarget.checked })}
            />
            {draft.remote && (
              <TextInput
                label={t('meetings.planner.videoLink')}
                type="url"
                value={draft.videoLink}
                onChange={(event) => change({ videoLink: event.currentTarget.value })}
              />
            )}
          </Stack>
        </SimpleGrid>
        <Checkbox.Group
          label={t('meetings.planner.invitees')}
          description={t('meetings.planner.inviteesHint')}
          value={draft.inviteeIds}
          onChange={(inviteeIds) => {
            setBusyNames(null);
            change({ inviteeIds, startsAt: null, placeAnyway: false });
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing={6} mt="xs">
            {others.map((m) => (
              <Checkbox
                key={m.id}
                value={m.id}
                label={`${fullName(m)} (${t(`meetings.profession.${m.profession}`, { defaultValue: m.profession })})`}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group grow>
          <Select
            label={t('meetings.planner.duration')}
            allowDeselect={false}
            data={DURATIONS.map((d) => ({ value: d, label: t('meetings.planner.minutes', { count: Number(d) }) }))}
            value={draft.durationMinutes}
            onChange={(d) => change({ durationMinutes: d ?? '90', startsAt: null })}
          />
          <Select
            label={t('meetings.planner.window')}
            allowDeselect={false}
            data={WINDOWS.map((d) => ({ value: d, label: t('meetings.planner.days', { count: Number(d) }) }))}
            value={draft.windowDays}
            onChange={(d) => change({ windowDays: d ?? '14', startsAt: null })}
          />
        </Group>

        {draft.inviteeIds.length === 0 && <Text c="gray.7">{t('meetings.planner.chooseInvitees')}</Text>}
        {proposals.loading && <LoadingState label={t('meetings.planner.searching')} />}
        {proposals.error && (
          <ErrorState
            message={t('meetings.planner.searchFailed', { message: describeError(proposals.error, t) })}
            onRetry={() => void proposals.refetch()}
          />
        )}
        {answer?.notice && (
          <Alert color="yellow" role="status">
            {answer.notice}
          </Alert>
        )}
        {answer && !proposals.loading && answer.proposals.length === 0 && answer.schedulingAvailable && (
          <Text role="status">{t('meetings.planner.noProposal')}</Text>
        )}
        {answer && !proposals.loading && answer.proposals.length > 0 && (
          <Radio.Group
            label={t('meetings.planner.proposals')}
            value={draft.startsAt}
            onChange={(startsAt) => {
              setBusyNames(null);
              change({ startsAt, placeAnyway: false });
            }}
          >
            <Stack gap={6} mt="xs">
              {answer.proposals.map((p) => {
                const missing = p.missingMemberIds.length
                  ? t('meetings.planner.missing', { names: p.missingMemberIds.map(nameOf).join(', ') })
                  : t('meetings.planner.allFree');
                const consulting = p.inConsultingHoursMemberIds.length
                  ? ` ; ${t('meetings.planner.consulting', { names: p.inConsultingHoursMemberIds.map(nameOf).join(', ') })}`
                  : '';
                return (
                  <Radio
                    key={p.startsAt}
                    value={p.startsAt}
                    label={`${dayLabel(p.startsAt, zone)}, ${timeLabel(p.startsAt, zone)}–${timeLabel(p.endsAt, zone)}`}
                    description={`${missing}${consulting}`}
                  />
                );
              })}
            </Stack>
          </Radio.Group>
        )}
        {busyNames !== null && (
          <Alert color="orange" role="alert">
            <Stack gap="xs">
              <Text>{t('meetings.planner.busy', { names: busyNames })}</Text>
              <Checkbox
                label={t('meetings.planner.placeAnyway')}
                checked={draft.placeAnyway}
                onChange={(event) => change({ placeAnyway: event.currentTarget.checked })}
              />
            </Stack>
          </Alert>
        )}
        {failure && <ErrorState message={failure} />}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              clearDraft();
              onCancel();
            }}
          >
            {t('meetings.planner.cancel')}
          </Button>
          <Button onClick={() => void submit()} disabled={!ready} loading={scheduling.loading}>
            {scheduling.loading ? t('meetings.planner.submitting') : t('meetings.planner.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
