import { useQuery } from '@apollo/client/react';
import { Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../common/ErrorState';
import { LoadingState } from '../../common/LoadingState';
import { frenchDate } from '../../common/zoned-time';
import { describeError } from '../../graphql/error-message';
import { SEARCH_PATIENTS_QUERY, type PatientMatch } from '../agenda.queries';

interface Props {
  structureId: string;
  query: string;
  onQueryChange(query: string): void;
  selected: PatientMatch | null;
  onSelect(patient: PatientMatch): void;
}

/** Searches the structure's patients by name (each read is access-logged by the directory) and picks one. */
export function PatientChoice({ structureId, query, onQueryChange, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const [name] = useDebouncedValue(query.trim(), 300);
  const { data, loading, error, refetch } = useQuery(SEARCH_PATIENTS_QUERY, {
    variables: { structureId, name },
    skip: name.length < 2,
  });
  const patients = name.length < 2 ? [] : (data?.searchPatients ?? []);
  return (
    <Stack gap="xs">
      <TextInput
        label={t('booking.patientSearch')}
        description={t('booking.patientSearchHint')}
        value={query}
        onChange={(event) => onQueryChange(event.currentTarget.value)}
        autoComplete="off"
      />
      {loading && <LoadingState label={t('booking.patientsLoading')} />}
      {error && (
        <ErrorState
          message={t('booking.patientsFailed', { message: describeError(error, t) })}
          onRetry={() => void refetch()}
        />
      )}
      {!loading && !error && name.length >= 2 && patients.length === 0 && (
        <Text role="status">{t('booking.noPatient')}</Text>
      )}
      {patients.length > 0 && (
        <Radio.Group
          label={t('booking.patients')}
          value={selected?.id ?? null}
          onChange={(id) => {
            const patient = patients.find((p) => p.id === id);
            if (patient) onSelect(patient);
          }}
        >
          <Stack gap={6} mt="xs">
            {patients.map((patient) => (
              <Radio
                key={patient.id}
                value={patient.id}
                label={`${patient.lastName.toUpperCase()} ${patient.firstName}, ${t('booking.bornOn', { date: frenchDate(patient.birthDate) })}`}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
    </Stack>
  );
}
