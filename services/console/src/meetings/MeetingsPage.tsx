import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Grid, Group, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { type CSSProperties, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { describeError } from '../graphql/error-message';
import { useWorkplace } from '../workplace/workplace';
import { MeetingDetail } from './MeetingDetail';
import { MeetingPlanner } from './MeetingPlanner';
import { dayLabel, indexMembers, timeLabel } from './meeting-format';
import { MEETINGS_QUERY, MEMBERS_QUERY, type Meeting } from './meetings.queries';

/** Roles that may plan meetings and write their agenda, attendance and minutes (coordination's organiseMeetings). */
const ORGANISERS = ['coordinator', 'practitioner', 'administrator'] as const;

/** The structure's meetings: the planner with proposed times, then each meeting's invitations, cases and minutes. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { membership, roles, member } = useWorkplace();
  const structure = membership.structure;
  const zone = structure.timeZone;
  const canOrganise = roles.some((role) => (ORGANISERS as readonly string[]).includes(role));
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('reunion');
  const planning = params.get('planifier') === '1' && canOrganise;
  const [planned, setPlanned] = useState<Meeting | null>(null);
  // The window is fixed once per visit, so that a refetch asks the same question.
  const [range] = useState(() => {
    const now = DateTime.utc();
    return { from: now.minus({ days: 45 }).toISO() as string, to: now.plus({ days: 120 }).toISO() as string };
  });

  const meetings = useQuery(MEETINGS_QUERY, {
    variables: { structureId: structure.id, ...range },
    notifyOnNetworkStatusChange: true,
  });
  const members = useQuery(MEMBERS_QUERY, { variables: { structureId: structure.id } });
  const memberIndex = useMemo(() => indexMembers(members.data?.members ?? []), [members.data]);

  const [upcoming, past] = useMemo(() => {
    const all = meetings.data?.meetings ?? [];
    const now = DateTime.utc().toISO() as string;
    return [
      all.filter((m) => m.endsAt >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      all.filter((m) => m.endsAt < now).sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
    ];
  }, [meetings.data]);

  const select = (id: string | null, plan = false) => {
    const next = new URLSearchParams();
    if (id) next.set('reunion', id);
    if (plan) next.set('planifier', '1');
    setParams(next);
  };

  const onPlanned = (meeting: Meeting) => {
    setPlanned(meeting);
    void meetings.refetch();
    select(meeting.id);
  };

  const item = (meeting: Meeting) => (
    <NavLink
      key={meeting.id}
      component="button"
      active={meeting.id === selectedId}
      // Filled, as the navigation's: the light variant's tinted text falls under 4.5:1.
      variant="filled"
      onClick={() => select(meeting.id)}
      label={meeting.title}
      aria-current={meeting.id === selectedId ? 'true' : undefined}
      description={`${dayLabel(meeting.startsAt, zone)}, ${timeLabel(meeting.startsAt, zone)} · ${t(`meetings.kind.${meeting.kind}`)}`}
      rightSection={
        // Filled: white on the darkest shades stays AA on the selected item's tinted background too.
        <Badge
          variant="filled"
          color={meeting.status === 'cancelled' ? 'gray.7' : meeting.minutesClosedAt ? 'teal.9' : 'blue.9'}
          style={{ textDecoration: meeting.status === 'cancelled' ? 'line-through' : undefined }}
        >
          {meeting.minutesClosedAt ? t('meetings.minutesClosed') : t(`meetings.status.${meeting.status}`)}
        </Badge>
      }
    />
  );

  return (
    // Mantine's dimmed grey (descriptions under labels and list items) is 3.3:1 on white: a darker one here, for AA.
    <Stack gap="sm" style={{ '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' } as CSSProperties}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('meetings.title', { structure: structure.name })}
          </Title>
          <Text size="sm" c="gray.7">
            {t('meetings.timeZone', { zone })}
          </Text>
        </div>
        {canOrganise && !planning && <Button onClick={() => select(null, true)}>{t('meetings.plan')}</Button>}
      </Group>
      {planned && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('meetings.closeMessage')}
          onClose={() => setPlanned(null)}
        >
          {t('meetings.planner.planned', {
            title: planned.title,
            when: `${dayLabel(planned.startsAt, zone)}, ${timeLabel(planned.startsAt, zone)}`,
          })}
        </Alert>
      )}
      {members.error && (
        <ErrorState
          message={t('meetings.loadFailed', { message: describeError(members.error, t) })}
          onRetry={() => void members.refetch()}
        />
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="xs" component="nav" aria-label={t('meetings.listLabel')}>
            {meetings.error && (
              <ErrorState
                message={t('meetings.loadFailed', { message: describeError(meetings.error, t) })}
                onRetry={() => void meetings.refetch()}
              />
            )}
            {meetings.loading && !meetings.data && <LoadingState label={t('meetings.loading')} />}
            {meetings.data && (
              <Stack gap={4}>
                <Title order={2} size="h5" px="xs">
                  {t('meetings.upcoming')}
                </Title>
                {upcoming.length ? upcoming.map(item) : <Text px="xs">{t('meetings.none')}</Text>}
                <Title order={2} size="h5" px="xs" mt="sm">
                  {t('meetings.past')}
                </Title>
                {past.length ? past.map(item) : <Text px="xs">{t('meetings.none')}</Text>}
              </Stack>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {planning ? (
            <MeetingPlanner
              structure={structure}
              members={members.data?.members ?? []}
              memberIndex={memberIndex}
              selfId={member.id}
              onPlanned={onPlanned}
              onCancel={() => select(null)}
            />
          ) : selectedId ? (
            <MeetingDetail
              key={selectedId}
              meetingId={selectedId}
              structureId={structure.id}
              timeZone={zone}
              sites={structure.sites}
              members={members.data?.members ?? []}
              memberIndex={memberIndex}
              selfId={member.id}
              canOrganise={canOrganise}
              onChanged={() => void meetings.refetch()}
            />
          ) : (
            <Text>{t('meetings.choose')}</Text>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
