import { useMutation, useQuery } from '@apollo/client/react';
import { gql, type TypedDocumentNode } from '@apollo/client';
import { Alert, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../common/ErrorState';
import { isUnauthenticated } from '../graphql/apollo-client';
import { describeError } from '../graphql/error-message';
import type { MeetingContext } from './MeetingDetail';
import { dayLabel, timeLabel } from './meeting-format';
import { RECORD_ATTENDANCE_MUTATION, type AttendanceStatus, type Invitation } from './meetings.queries';

const STATUSES: AttendanceStatus[] = ['present', 'excused', 'absent'];

const RULE_QUERY: TypedDocumentNode<
  { pluriprofessionalRule: { minProfessions: number; physicianRequired: boolean } },
  { structureId: string }
> = gql`
  query ConsoleMeetingRule($structureId: ID!) {
    pluriprofessionalRule(structureId: $structureId) {
      minProfessions
      physicianRequired
    }
  }
`;

/** What the form starts from: the recorded attendance, else a guess from each answer that the coordinator corrects. */
function initialStatus(invitation: Invitation): AttendanceStatus {
  if (invitation.attendance) return invitation.attendance;
  if (invitation.answer === 'yes') return 'present';
  if (invitation.answer === 'pending') return 'absent';
  return 'excused';
}

/** COO-4: who came, from the meeting's start until its minutes close; the first recording makes it held. */
export function AttendancePanel({ context, onRecorded }: { context: MeetingContext; onRecorded(): void }) {
  const { t } = useTranslation();
  const { meeting, timeZone, nameOf, professionOf, canOrganise, structureId } = context;
  const rule = useQuery(RULE_QUERY, { variables: { structureId } });
  const [statuses, setStatuses] = useState<Record<string, AttendanceStatus>>(() =>
    Object.fromEntries(meeting.invitations.map((i) => [i.memberId, initialStatus(i)])),
  );
  const [record, recording] = useMutation(RECORD_ATTENDANCE_MUTATION);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const started = DateTime.fromISO(meeting.startsAt) <= DateTime.now();
  const editable = canOrganise && meeting.status !== 'cancelled' && !meeting.minutesClosedAt && started;
  const anyPresent = Object.values(statuses).includes('present');

  const save = async () => {
    setFailure(null);
    setSaved(false);
    try {
      await record({
        variables: {
          input: {
            meetingId: meeting.id,
            entries: meeting.invitations.map((i) => ({ memberId: i.memberId, status: statuses[i.memberId] })),
          },
        },
      });
      setSaved(true);
      onRecorded();
    } catch (error) {
      if (!isUnauthenticated(error)) setFailure(t('meetings.attendance.failed', { message: describeError(error, t) }));
    }
  };

  return (
    <Stack gap="sm">
      {meeting.status === 'cancelled' && <Text>{t('meetings.attendance.cancelled')}</Text>}
      {!started && meeting.status !== 'cancelled' && (
        <Alert color="blue" role="status">
          {t('meetings.attendance.notYet', {
            when: `${dayLabel(meeting.startsAt, timeZone)}, ${timeLabel(meeting.startsAt, timeZone)}`,
          })}
        </Alert>
      )}
      {rule.data && (
        <Text size="sm" c="gray.7">
          {rule.data.pluriprofessionalRule.physicianRequired
            ? t('meetings.attendance.rule', { count: rule.data.pluriprofessionalRule.minProfessions })
            : t('meetings.attendance.ruleNoPhysician', { count: rule.data.pluriprofessionalRule.minProfessions })}
        </Text>
      )}
      <Table>
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
              <Table.Td>
                <SegmentedControl
                  aria-label={t('meetings.attendance.status', { name: nameOf(invitation.memberId) })}
                  size="xs"
                  readOnly={!editable}
                  value={statuses[invitation.memberId]}
                  onChange={(value) => setStatuses({ ...statuses, [invitation.memberId]: value as AttendanceStatus })}
                  data={STATUSES.map((s) => ({ value: s, label: t(`meetings.attendanceStatus.${s}`) }))}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!anyPresent && editable && <Text c="red.9">{t('meetings.attendance.needOne')}</Text>}
      {failure && <ErrorState message={failure} />}
      {saved && (
        <Alert color="green" role="status">
          {t('meetings.attendance.saved')}
        </Alert>
      )}
      {editable && (
        <Group justify="flex-end">
          <Button onClick={() => void save()} disabled={!anyPresent} loading={recording.loading}>
            {t('meetings.attendance.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
