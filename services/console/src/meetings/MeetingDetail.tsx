import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { isUnauthenticated } from '../graphql/apollo-client';
import { describeError } from '../graphql/error-message';
import type { SiteSummary } from '../workplace/me.query';
import { AttendancePanel } from './AttendancePanel';
import { CaseAgenda } from './CaseAgenda';
import { dayLabel, fullName, type MemberIndex, shortRef, timeLabel } from './meeting-format';
import {
  ANSWER_INVITATION_MUTATION,
  CANCEL_MEETING_MUTATION,
  MEETING_QUERY,
  MINUTES_QUERY,
  type InvitationAnswer,
  type Meeting,
  type Minutes,
  type StructureMember,
} from './meetings.queries';
import { MinutesEditor } from './MinutesEditor';

/** The meeting's agenda and minutes as read once for every tab. */
export interface MinutesState {
  data: Minutes | undefined;
  loading: boolean;
  error: unknown;
  refetch(): void;
}

export interface MeetingContext {
  meeting: Meeting;
  structureId: string;
  timeZone: string;
  members: StructureMember[];
  memberIndex: MemberIndex;
  canOrganise: boolean;
  nameOf(memberId: string): string;
  professionOf(memberId: string): string | null;
}

interface Props {
  meetingId: string;
  structureId: string;
  timeZone: string;
  sites: SiteSummary[];
  members: StructureMember[];
  memberIndex: MemberIndex;
  selfId: string;
  canOrganise: boolean;
  onChanged(): void;
}

const ANSWERS: InvitationAnswer[] = ['yes', 'maybe', 'no'];

/** One meeting: when and where, its invitations and answers, the case agenda, attendance and the minutes. */
export function MeetingDetail(props: Props) {
  const { meetingId, timeZone, sites, memberIndex, selfId, onChanged } = props;
  const { t } = useTranslation();
  const meetingQuery = useQuery(MEETING_QUERY, { variables: { id: meetingId }, notifyOnNetworkStatusChange: true });
  const minutesQuery = useQuery(MINUTES_QUERY, { variables: { meetingId } });
  const [tab, setTab] = useState<string | null>(null);
  const [answer, answering] = useMutation(ANSWER_INVITATION_MUTATION);
  const [answerFailure, setAnswerFailure] = useState<string | null>(null);
  const [cancelMeeting, cancelling] = useMutation(CANCEL_MEETING_MUTATION);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  const [cancelFailure, setCancelFailure] = useState<string | null>(null);

  if (meetingQuery.error)
    return (
      <ErrorState
        message={t('meetings.detail.loadFailed', { message: describeError(meetingQuery.error, t) })}
        onRetry={() => void meetingQuery.refetch()}
      />
    );
  const meeting = meetingQuery.data?.meeting;
  if (!meeting) return <LoadingState label={t('meetings.detail.loading')} />;

  const nameOf = (id: string) => {
    const member = memberIndex.get(id);
    return member ? fullName(member) : t('meetings.formerMember', { ref: shortRef(id) });
  };
  const professionOf = (id: string) => {
    const member = memberIndex.get(id);
    return member ? t(`meetings.profession.${member.profession}`, { defaultValue: member.profession }) : null;
  };
  const context: MeetingContext = { ...props, meeting, nameOf, professionOf };
  const minutes: MinutesState = {
    data: minutesQuery.data?.meetingMinutes,
    loading: minutesQuery.loading,
    error: minutesQuery.error,
    refetch: () => void minutesQuery.refetch(),
  };
  const site = sites.find((s) => s.id === meeting.siteId);
  const mine = meeting.invitations.find((i) => i.memberId === selfId);
  const counts = { yes: 0, maybe: 0, no: 0, pending: 0 };
  for (const invitation of meeting.invitations) counts[invitation.answer]++;
  const activeTab = tab ?? (meeting.status === 'held' ? 'minutes' : 'invitations');
  const refresh = () => {
    void meetingQuery.refetch();
    void minutesQuery.refetch();
    onChanged();
  };

  const cancel = async () => {
    setCancelFailure(null);
    try {
      await cancelMeeting({ variables: { input: { meetingId, reason: cancelReason.trim() || null } } });
      setCancelOpen(false);
      onChanged();
    } catch (error) {
      setCancelOpen(false);
      if (!isUnauthenticated(error))
        setCancelFailure(t('meetings.detail.cancelFailed', { message: describeError(error, t) }));
    }
  };
  const cancellable = props.canOrganise && meeting.status === 'scheduled' && new Date(meeting.startsAt) > new Date();

  const sendAnswer = async (value: InvitationAnswer) => {
    setAnswerFailure(null);
    try {
      await answer({ variables: { input: { meetingId, answer: value } } });
      onChanged();
    } catch (error) {
      if (!isUnauthenticated(error))
        setAnswerFailure(t('meetings.invitations.answerFailed', { message: describeError(error, t) }));
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="meeting-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="meeting-title">
              {meeting.title}
            </Title>
            <Text>
              {t('meetings.detail.when', {
                date: dayLabel(meeting.startsAt, timeZone),
                start: timeLabel(meeting.startsAt, timeZone),
                end: timeLabel(meeting.endsAt, timeZone),
              })}
              {' · '}
              {t(`meetings.kind.${meeting.kind}`)}
              {' · '}
              {site ? site.name : t('meetings.detail.remote')}
            </Text>
            <Text size="sm" c="gray.7">
              {t('meetings.detail.organizer', { name: nameOf(meeting.organizerId) })}
            </Text>
          </div>
          <Group gap="xs">
            <Badge variant="outline" color={meeting.status === 'cancelled' ? 'gray.7' : 'blue.9'}>
              {t(`meetings.status.${meeting.status}`)}
            </Badge>
            {meeting.pluriprofessional !== null && (
              <Badge variant="outline" color={meeting.pluriprofessional ? 'teal.9' : 'red.9'}>
                {meeting.pluriprofessional
                  ? t('meetings.detail.pluriprofessional')
                  : t('meetings.detail.notPluriprofessional')}
              </Badge>
            )}
            {meeting.minutesClosedAt && (
              <Badge variant="outline" color="teal.9">
                {t('meetings.minutesClosed')}
              </Badge>
            )}
          </Group>
        </Group>
        {meeting.status === 'cancelled' && meeting.cancelReason && (
          <Text>{t('meetings.detail.cancelledBecause', { reason: meeting.cancelReason })}</Text>
        )}
        {cancellable && (
          <Group justify="flex-end">
            <Button variant="default" color="red" size="xs" onClick={() => setCancelOpen(true)}>
              {t('meetings.detail.cancel')}
            </Button>
          </Group>
        )}
        {cancelFailure && <ErrorState message={cancelFailure} />}
        <Modal
          opened={cancelOpen}
          onClose={() => setCancelOpen(false)}
          title={t('meetings.detail.cancel')}
          closeButtonProps={{ 'aria-label': t('meetings.detail.keep') }}
          centered
        >
          <Stack>
            <TextInput
              label={t('meetings.detail.cancelReason')}
              value={cancelReason}
              onChange={(event) => setCancelReason(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCancelOpen(false)}>
                {t('meetings.detail.keep')}
              </Button>
              <Button color="red.9" onClick={() => void cancel()} loading={cancelling.loading}>
                {t('meetings.detail.cancelConfirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
        {meeting.professionsPresent.length > 0 && (
          <Text size="sm">
            {t('meetings.detail.professionsPresent', {
              list: meeting.professionsPresent
                .map((p) => t(`meetings.profession.${p}`, { defaultValue: p }))
                .join(', '),
            })}
          </Text>
        )}

        <Tabs value={activeTab} onChange={setTab} keepMounted={false}>
          <Tabs.List aria-label={t('meetings.detail.tabs')}>
            <Tabs.Tab value="invitations">{t('meetings.detail.invitations')}</Tabs.Tab>
            <Tabs.Tab value="cases">{t('meetings.detail.cases')}</Tabs.Tab>
            <Tabs.Tab value="attendance">{t('meetings.detail.attendance')}</Tabs.Tab>
            <Tabs.Tab value="minutes">{t('meetings.detail.minutes')}</Tabs.Tab>
          </Tabs.List>

          <Tabs.Panel value="invitations" pt="sm">
            <Stack gap="sm">
              <Text>{t('meetings.invitations.summary', counts)}</Text>
              {mine && meeting.status === 'scheduled' && (
                <Group gap="sm" align="center">
                  <Text id="my-answer-label" fw={600}>
                    {t('meetings.invitations.myAnswer')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="my-answer-label"
                    disabled={answering.loading}
                    value={mine.answer === 'pending' ? '' : mine.answer}
                    onChange={(value) => void sendAnswer(value as InvitationAnswer)}
                    data={ANSWERS.map((a) => ({ value: a, label: t(`meetings.answer.${a}`) }))}
                  />
                </Group>
              )}
              {answerFailure && <ErrorState message={answerFailure} />}
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('meetings.invitations.member')}</Table.Th>
                    <Table.Th scope="col">{t('meetings.invitations.answer')}</Table.Th>
                    <Table.Th scope="col">{t('meetings.invitations.agenda')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {meeting.invitations.map((invitation) => (
                    <Table.Tr key={invitation.memberId}>
                      <Table.Td>
                        {nameOf(invitation.memberId)}
                        {professionOf(invitation.memberId) && (
                          <Text span size="sm" c="gray.7">
                            {' '}
                            ({professionOf(invitation.memberId)})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{t(`meetings.answer.${invitation.answer}`)}</Table.Td>
                      <Table.Td>
                        {invitation.agendaRefused
                          ? t('meetings.invitations.agendaRefused', { count: invitation.overlappingAppointments })
                          : t('meetings.invitations.agendaBlocked')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          </Tabs.Panel>

          <Tabs.Panel value="cases" pt="sm">
            <CaseAgenda context={context} minutes={minutes} onChanged={refresh} />
          </Tabs.Panel>

          <Tabs.Panel value="attendance" pt="sm">
            <AttendancePanel context={context} onRecorded={refresh} />
          </Tabs.Panel>

          <Tabs.Panel value="minutes" pt="sm">
            {meeting.status !== 'held' ? (
              <Alert color="blue" role="status">
                {t('meetings.minutes.notHeld')}
              </Alert>
            ) : (
              <MinutesEditor context={context} minutes={minutes} onChanged={refresh} />
            )}
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
