import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateTime } from 'luxon';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { useSessionDraft } from '../common/use-session-draft';
import { isUnauthenticated } from '../graphql/apollo-client';
import { describeError } from '../graphql/error-message';
import { PatientLabel } from './CaseAgenda';
import type { MeetingContext, MinutesState } from './MeetingDetail';
import { dayLabel, downloadBase64, endOfLocalDay, shortDate, timeLabel } from './meeting-format';
import {
  ACTION_ITEM_TASKS_QUERY,
  ADD_ACTION_ITEM_MUTATION,
  CLOSE_MINUTES_MUTATION,
  MINUTES_PDF_QUERY,
  RECORD_DECISION_MUTATION,
  REMOVE_ACTION_ITEM_MUTATION,
  REMOVE_DECISION_MUTATION,
} from './meetings.queries';

const WHOLE = 'meeting';
const POOL = 'pool';

interface MinutesDraft {
  decisionText: string;
  decisionCase: string;
  description: string;
  assignee: string;
  dueDate: string;
  itemCase: string;
}

const EMPTY_DRAFT: MinutesDraft = {
  decisionText: '',
  decisionCase: WHOLE,
  description: '',
  assignee: POOL,
  dueDate: '',
  itemCase: WHOLE,
};

interface Props {
  context: MeetingContext;
  minutes: MinutesState;
  onChanged(): void;
}

/**
 * COO-5 and COO-6: decisions and action items of a held meeting, closed once (each action item then becomes a task of
 * delegation, through coordination's events), and the minutes as a PDF.
 */
export function MinutesEditor({ context, minutes, onChanged }: Props) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { meeting, timeZone, nameOf, members, canOrganise, structureId } = context;
  const closed = meeting.minutesClosedAt !== null;
  const editable = canOrganise && !closed;
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pdfLoading, setPdfLoading] = useState(false);
  const [pdfFailure, setPdfFailure] = useState<string | null>(null);
  const [recordDecision, decisionWrite] = useMutation(RECORD_DECISION_MUTATION);
  const [removeDecision] = useMutation(REMOVE_DECISION_MUTATION);
  const [addActionItem, actionWrite] = useMutation(ADD_ACTION_ITEM_MUTATION);
  const [removeActionItem] = useMutation(REMOVE_ACTION_ITEM_MUTATION);
  const [closeMinutes, closing] = useMutation(CLOSE_MINUTES_MUTATION);

  const items = minutes.data?.actionItems ?? [];
  // The tasks travel through Kafka after the closing: look again for a while until every action item has its own.
  const justClosed =
    meeting.minutesClosedAt !== null &&
    DateTime.fromISO(meeting.minutesClosedAt) > DateTime.now().minus({ minutes: 3 });
  const tasks = useQuery(ACTION_ITEM_TASKS_QUERY, {
    variables: { structureId, actionItemIds: items.map((item) => item.id) },
    skip: !closed || items.length === 0,
    pollInterval: justClosed ? 3_000 : 0,
  });
  const taskOf = new Map((tasks.data?.taskBoard ?? []).map((task) => [task.sourceId, task]));
  const allArrived = items.every((item) => taskOf.has(item.id));
  const { stopPolling } = tasks;
  useEffect(() => {
    if (allArrived) stopPolling();
  }, [allArrived, stopPolling]);

  // What is being typed survives an expired session (kept per meeting in this tab's sessionStorage).
  const [draft, setDraft] = useSessionDraft<MinutesDraft>(`msp-console.minutes.${meeting.id}`, EMPTY_DRAFT);
  const { decisionText, decisionCase, description, assignee, dueDate, itemCase } = draft;
  // From the draft as it is when applied: a field emptied once a write succeeds must not undo what was typed meanwhile.
  const edit = (patch: Partial<MinutesDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const setDecisionText = (value: string) => edit({ decisionText: value });
  const setDecisionCase = (value: string) => edit({ decisionCase: value });
  const setDescription = (value: string) => edit({ description: value });
  const setAssignee = (value: string) => edit({ assignee: value });
  const setDueDate = (value: string) => edit({ dueDate: value });
  const setItemCase = (value: string) => edit({ itemCase: value });

  if (minutes.error)
    return (
      <ErrorState
        message={t('meetings.detail.loadFailed', { message: describeError(minutes.error, t) })}
        onRetry={minutes.refetch}
      />
    );
  if (!minutes.data) return <LoadingState label={t('meetings.detail.loading')} />;
  const { cases, decisions } = minutes.data;
  const caseOptions = [
    { value: WHOLE, label: t('meetings.minutes.wholeMeeting') },
    ...cases.map((c, index) => ({
      value: c.id,
      label: `${index + 1}. ${t(`meetings.theme.${c.theme}`)} — ${c.reason}`,
    })),
  ];
  const caseLabel = (caseId: string | null) => {
    const found = cases.find((c) => c.id === caseId);
    return found ? <PatientLabel patientId={found.patientId} /> : t('meetings.minutes.wholeMeeting');
  };

  const write = async (run: () => Promise<unknown>, after?: () => void) => {
    setFailure(null);
    try {
      await run();
      after?.();
      onChanged();
    } catch (error) {
      if (!isUnauthenticated(error))
        setFailure(t('meetings.minutes.writeFailed', { message: describeError(error, t) }));
    }
  };

  const close = async () => {
    setFailure(null);
    try {
      await closeMinutes({ variables: { input: { meetingId: meeting.id } } });
      setConfirming(false);
      onChanged();
    } catch (error) {
      setConfirming(false);
      if (!isUnauthenticated(error))
        setFailure(t('meetings.minutes.closeFailed', { message: describeError(error, t) }));
    }
  };

  const downloadPdf = async () => {
    setPdfFailure(null);
    setPdfLoading(true);
    try {
      const { data } = await client.query({
        query: MINUTES_PDF_QUERY,
        variables: { meetingId: meeting.id },
        fetchPolicy: 'network-only',
      });
      if (data) {
        const file = data.meetingMinutesPdf;
        downloadBase64(file.base64, file.contentType, file.fileName);
      }
    } catch (error) {
      if (!isUnauthenticated(error))
        setPdfFailure(t('meetings.minutes.pdfFailed', { message: describeError(error, t) }));
    } finally {
      setPdfLoading(false);
    }
  };

  const taskBadge = (itemId: string) => {
    if (!closed)
      return (
        <Badge variant="outline" color="gray.7">
          {t('meetings.minutes.taskOnClose')}
        </Badge>
      );
    const task = taskOf.get(itemId);
    return task ? (
      <Badge variant="outline" color="teal.9">
        {t('meetings.minutes.taskCreated', { status: t(`meetings.taskStatus.${task.status}`) })}
      </Badge>
    ) : (
      <Badge variant="outline" color="blue.9">
        {justClosed ? t('meetings.minutes.taskPending') : t('meetings.minutes.taskSent')}
      </Badge>
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        {closed ? (
          <Text role="status">
            {t('meetings.minutes.closed', {
              when: `${dayLabel(meeting.minutesClosedAt as string, timeZone)}, ${timeLabel(meeting.minutesClosedAt as string, timeZone)}`,
            })}
          </Text>
        ) : (
          <span />
        )}
        <Button variant="default" onClick={() => void downloadPdf()} loading={pdfLoading}>
          {t('meetings.minutes.pdf')}
        </Button>
      </Group>
      {pdfFailure && <ErrorState message={pdfFailure} />}

      <section aria-labelledby="minutes-decisions">
        <Title order={3} size="h4" id="minutes-decisions" mb="xs">
          {t('meetings.minutes.decisions')}
        </Title>
        {decisions.length === 0 ? (
          <Text>{t('meetings.minutes.noDecision')}</Text>
        ) : (
          <List spacing={6}>
            {decisions.map((d) => (
              <List.Item key={d.id}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <div>
                    <Text>{d.text}</Text>
                    <Text size="sm" c="gray.7">
                      {t('meetings.minutes.about')} : {caseLabel(d.caseId)}
                    </Text>
                  </div>
                  {editable && (
                    <Button
                      size="xs"
                      variant="default"
                      color="red.9"
                      aria-label={t('meetings.minutes.removeDecision', { text: d.text })}
                      onClick={() => void write(() => removeDecision({ variables: { decisionId: d.id } }))}
                    >
                      {t('meetings.minutes.remove')}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {editable && (
          <Paper withBorder p="sm" mt="xs">
            <Stack gap="xs">
              <Textarea
                label={t('meetings.minutes.decisionText')}
                autosize
                minRows={2}
                value={decisionText}
                onChange={(event) => setDecisionText(event.currentTarget.value)}
              />
              <Group align="flex-end" grow>
                <Select
                  label={t('meetings.minutes.about')}
                  allowDeselect={false}
                  data={caseOptions}
                  value={decisionCase}
                  onChange={(value) => setDecisionCase(value ?? WHOLE)}
                />
                <Button
                  disabled={decisionText.trim().length === 0}
                  loading={decisionWrite.loading}
                  onClick={() =>
                    void write(
                      () =>
                        recordDecision({
                          variables: {
                            input: {
                              meetingId: meeting.id,
                              caseId: decisionCase === WHOLE ? null : decisionCase,
                              text: decisionText.trim(),
                            },
                          },
                        }),
                      () => setDecisionText(''),
                    )
                  }
                >
                  {t('meetings.minutes.addDecision')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
      </section>

      <section aria-labelledby="minutes-actions">
        <Title order={3} size="h4" id="minutes-actions" mb="xs">
          {t('meetings.minutes.actionItems')}
        </Title>
        {items.length === 0 ? (
          <Text>{t('meetings.minutes.noActionItem')}</Text>
        ) : (
          <List spacing={6}>
            {items.map((item) => (
              <List.Item key={item.id}>
                <Group gap="xs" justify="space-between" wrap="wrap">
                  <div>
                    <Text>{item.description}</Text>
                    <Text size="sm" c="gray.7">
                      {item.assigneeId ? nameOf(item.assigneeId) : t('meetings.minutes.pool')}
                      {item.dueAt && ` · ${t('meetings.minutes.due', { date: shortDate(item.dueAt, timeZone) })}`}
                      {' · '}
                      {caseLabel(item.caseId)}
                    </Text>
                  </div>
                  <Group gap="xs">
                    {taskBadge(item.id)}
                    {editable && (
                      <Button
                        size="xs"
                        variant="default"
                        color="red.9"
                        aria-label={t('meetings.minutes.removeActionItem', { text: item.description })}
                        onClick={() => void write(() => removeActionItem({ variables: { actionItemId: item.id } }))}
                      >
                        {t('meetings.minutes.remove')}
                      </Button>
                    )}
                  </Group>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {tasks.error && (
          <ErrorState message={t('meetings.minutes.tasksFailed', { message: describeError(tasks.error, t) })} />
        )}
        {editable && (
          <Paper withBorder p="sm" mt="xs">
            <Stack gap="xs">
              <TextInput
                label={t('meetings.minutes.description')}
                value={description}
                onChange={(event) => setDescription(event.currentTarget.value)}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={t('meetings.minutes.assignee')}
                  allowDeselect={false}
                  searchable
                  data={[
                    { value: POOL, label: t('meetings.minutes.pool') },
                    ...members.map((m) => ({ value: m.id, label: nameOf(m.id) })),
                  ]}
                  value={assignee}
                  onChange={(value) => setAssignee(value ?? POOL)}
                />
                <TextInput
                  label={t('meetings.minutes.dueAt')}
                  type="date"
                  value={dueDate}
                  onChange={(event) => setDueDate(event.currentTarget.value)}
                />
                <Select
                  label={t('meetings.minutes.about')}
                  allowDeselect={false}
                  data={caseOptions}
                  value={itemCase}
                  onChange={(value) => setItemCase(value ?? WHOLE)}
                />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button
                  disabled={description.trim().length === 0}
                  loading={actionWrite.loading}
                  onClick={() =>
                    void write(
                      () =>
                        addActionItem({
                          variables: {
                            input: {
                              meetingId: meeting.id,
                              caseId: itemCase === WHOLE ? null : itemCase,
                              description: description.trim(),
                              assigneeId: assignee === POOL ? null : assignee,
                              dueAt: dueDate ? endOfLocalDay(dueDate, timeZone) : null,
                            },
                          },
                        }),
                      () => edit({ description: '', dueDate: '' }),
                    )
                  }
                >
                  {t('meetings.minutes.addActionItem')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
      </section>

      {failure && <ErrorState message={failure} />}
      {editable && (
        <Group justify="flex-end">
          <Button color="teal" onClick={() => setConfirming(true)}>
            {t('meetings.minutes.close')}
          </Button>
        </Group>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('meetings.minutes.close')}
        closeButtonProps={{ 'aria-label': t('meetings.minutes.cancel') }}
        centered
      >
        <Stack>
          <Text>{t('meetings.minutes.closeConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('meetings.minutes.cancel')}
            </Button>
            <Button color="teal" onClick={() => void close()} loading={closing.loading}>
              {t('meetings.minutes.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
