import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Radio, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { frenchDate } from '../common/zoned-time';
import { isUnauthenticated } from '../graphql/apollo-client';
import { describeError } from '../graphql/error-message';
import type { MeetingContext, MinutesState } from './MeetingDetail';
import { shortRef } from './meeting-format';
import {
  ADD_CASE_MUTATION,
  CASE_THEMES,
  PATIENT_NAME_QUERY,
  REMOVE_CASE_MUTATION,
  SEARCH_PATIENTS_QUERY,
  type CaseTheme,
  type PatientMatch,
} from './meetings.queries';

/**
 * A case's patient by name. Coordination keeps the directory's opaque id only; the name is the directory's answer
 * (access-logged there), and its short reference when the directory does not name them to this reader.
 */
export function PatientLabel({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(PATIENT_NAME_QUERY, { variables: { id: patientId } });
  if (data) return <>{`${data.patient.lastName.toUpperCase()} ${data.patient.firstName}`}</>;
  if (error) return <>{t('meetings.cases.patientHidden', { ref: `P-${shortRef(patientId)}` })}</>;
  return <>…</>;
}

interface Props {
  context: MeetingContext;
  minutes: MinutesState;
  onChanged(): void;
}

/** COO-3: the patients' cases on the meeting's agenda, with their theme, reason and presenter. */
export function CaseAgenda({ context, minutes, onChanged }: Props) {
  const { t } = useTranslation();
  const { meeting, canOrganise, nameOf, members, structureId } = context;
  const [removeCase] = useMutation(REMOVE_CASE_MUTATION);
  const [failure, setFailure] = useState<string | null>(null);
  const editable = canOrganise && meeting.status !== 'cancelled' && !meeting.minutesClosedAt;

  if (minutes.error)
    return (
      <ErrorState
        message={t('meetings.detail.loadFailed', { message: describeError(minutes.error, t) })}
        onRetry={minutes.refetch}
      />
    );
  if (!minutes.data) return <LoadingState label={t('meetings.detail.loading')} />;
  const cases = minutes.data.cases;

  const remove = async (caseId: string) => {
    setFailure(null);
    try {
      await removeCase({ variables: { caseId } });
      onChanged();
    } catch (error) {
      if (!isUnauthenticated(error)) setFailure(t('meetings.cases.removeFailed', { message: describeError(error, t) }));
    }
  };

  return (
    <Stack gap="sm">
      {meeting.minutesClosedAt && <Text c="gray.7">{t('meetings.cases.readOnly')}</Text>}
      {cases.length === 0 ? (
        <Text>{t('meetings.cases.empty')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('meetings.cases.patient')}</Table.Th>
              <Table.Th scope="col">{t('meetings.cases.theme')}</Table.Th>
              <Table.Th scope="col">{t('meetings.cases.reason')}</Table.Th>
              <Table.Th scope="col">{t('meetings.cases.presenter')}</Table.Th>
              {editable && <Table.Th scope="col" aria-label={t('meetings.cases.remove')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <PatientLabel patientId={c.patientId} />
                </Table.Td>
                <Table.Td>{t(`meetings.theme.${c.theme}`)}</Table.Td>
                <Table.Td>{c.reason}</Table.Td>
                <Table.Td>{c.presenterId ? nameOf(c.presenterId) : '—'}</Table.Td>
                {editable && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      color="red.9"
                      onClick={() => void remove(c.id)}
                      aria-label={t('meetings.cases.removeCase', { patient: `P-${shortRef(c.patientId)}` })}
                    >
                      {t('meetings.cases.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {failure && <ErrorState message={failure} />}
      {editable && (
        <AddCaseForm
          meetingId={meeting.id}
          structureId={structureId}
          presenters={members.map((m) => ({ value: m.id, label: nameOf(m.id) }))}
          onAdded={onChanged}
        />
      )}
    </Stack>
  );
}

function AddCaseForm({
  meetingId,
  structureId,
  presenters,
  onAdded,
}: {
  meetingId: string;
  structureId: string;
  presenters: Array<{ value: string; label: string }>;
  onAdded(): void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [patient, setPatient] = useState<PatientMatch | null>(null);
  const [theme, setTheme] = useState<CaseTheme>('complex_patient');
  const [reason, setReason] = useState('');
  const [presenterId, setPresenterId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [add, adding] = useMutation(ADD_CASE_MUTATION);
  const [name] = useDebouncedValue(query.trim(), 300);
  const search = useQuery(SEARCH_PATIENTS_QUERY, { variables: { structureId, name }, skip: name.length < 2 });
  const matches = name.length < 2 ? [] : (search.data?.searchPatients ?? []);

  const submit = async () => {
    if (!patient || !presenterId) return;
    setFailure(null);
    try {
      await add({
        variables: { input: { meetingId, patientId: patient.id, reason: reason.trim(), theme, presenterId } },
      });
      setPatient(null);
      setQuery('');
      setReason('');
      onAdded();
    } catch (error) {
      if (!isUnauthenticated(error)) setFailure(t('meetings.cases.addFailed', { message: describeError(error, t) }));
    }
  };

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="add-case-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="add-case-title">
          {t('meetings.cases.addTitle')}
        </Title>
        <TextInput
          label={t('meetings.cases.patientSearch')}
          description={t('meetings.cases.patientSearchHint')}
          value={query}
          autoComplete="off"
          onChange={(event) => setQuery(event.currentTarget.value)}
        />
        {search.loading && <LoadingState label={t('meetings.cases.patientsLoading')} />}
        {search.error && (
          <ErrorState
            message={t('meetings.cases.patientsFailed', { message: describeError(search.error, t) })}
            onRetry={() => void search.refetch()}
          />
        )}
        {!search.loading && !search.error && name.length >= 2 && matches.length === 0 && (
          <Text role="status">{t('meetings.cases.noPatient')}</Text>
        )}
        {matches.length > 0 && (
          <Radio.Group
            label={t('meetings.cases.patients')}
            value={patient?.id ?? null}
            onChange={(id) => setPatient(matches.find((p) => p.id === id) ?? null)}
          >
            <Stack gap={6} mt="xs">
              {matches.map((p) => (
                <Radio
                  key={p.id}
                  value={p.id}
                  label={`${p.lastName.toUpperCase()} ${p.firstName}, ${t('meetings.cases.bornOn', { date: frenchDate(p.birthDate) })}`}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Group grow align="flex-start">
          <Select
            label={t('meetings.cases.theme')}
            allowDeselect={false}
            data={CASE_THEMES.map((value) => ({ value, label: t(`meetings.theme.${value}`) }))}
            value={theme}
            onChange={(value) => setTheme((value as CaseTheme | null) ?? 'complex_patient')}
          />
          <Select
            label={t('meetings.cases.presenter')}
            searchable
            data={presenters}
            value={presenterId}
            onChange={setPresenterId}
          />
        </Group>
        <TextInput
          label={t('meetings.cases.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            onClick={() => void submit()}
            disabled={!patient || !presenterId || reason.trim().length === 0}
            loading={adding.loading}
          >
            {t('meetings.cases.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
