import { useLazyQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateTime } from 'luxon';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../common/ErrorState';
import { describeError } from '../graphql/error-message';
import type { SiteSummary } from '../workplace/me.query';
import { memberName } from './call-labels';
import { SIMULATE_CALL_QUERY, type SiteMember } from './calls.queries';
import { DecisionTrace } from './DecisionTrace';
import { CALLER_KINDS, INTENTS, PRACTITIONER_STATUSES } from './rulebook-model';

const FROM_SPEECH = 'speech';
const NOBODY = 'nobody';
const REAL = 'real';

interface Props {
  site: SiteSummary;
  practitioners: readonly SiteMember[];
  /** The practitioner the call is about when the simulator is theirs (a practitioner's own rules). */
  fixedPractitionerId: string | null;
  /** Unpublished changes, which may be tried instead of the published rules. */
  draft: { document: string; scope: 'site' | 'practitioner' } | null;
}

/** "This caller, at this time, about this → this happens, because rule 3": call-routing's decision, nothing recorded. */
export function CallSimulator({ site, practitioners, fixedPractitionerId, draft }: Props) {
  const { t } = useTranslation();
  const [callerKind, setCallerKind] = useState<string>('patient');
  const [intent, setIntent] = useState<string>('advice');
  const [transcript, setTranscript] = useState('');
  const [practitionerId, setPractitionerId] = useState<string>(fixedPractitionerId ?? NOBODY);
  const [status, setStatus] = useState<string>(REAL);
  const [date, setDate] = useState(() => DateTime.now().setZone(site.timeZone).toISODate() ?? '');
  const [time, setTime] = useState(() => DateTime.now().setZone(site.timeZone).toFormat('HH:mm'));
  const [passThrough, setPassThrough] = useState(false);
  const [prefersHuman, setPrefersHuman] = useState(false);
  const [useDraft, setUseDraft] = useState(true);
  const [simulate, simulation] = useLazyQuery(SIMULATE_CALL_QUERY, { fetchPolicy: 'network-only' });

  const chosenPractitioner = fixedPractitionerId ?? (practitionerId === NOBODY ? null : practitionerId);
  const draftTried = draft && useDraft ? draft : null;
  const run = (event: FormEvent) => {
    event.preventDefault();
    const at = DateTime.fromISO(`${date}T${time}`, { zone: site.timeZone });
    // A failure is shown from the query's state; the promise's rejection says nothing more.
    simulate({
      variables: {
        input: {
          siteId: site.id,
          practitionerId: chosenPractitioner,
          callerKind,
          passThrough: callerKind === 'patient' && passThrough,
          prefersHuman: callerKind === 'patient' && prefersHuman,
          intent: intent === FROM_SPEECH ? null : intent,
          transcript: intent === FROM_SPEECH ? transcript : null,
          at: at.isValid ? at.toISO() : null,
          practitionerStatus: status === REAL ? null : status,
          draftRulebook: draftTried?.document ?? null,
          draftScope: draftTried?.scope ?? null,
        },
      },
    }).catch(() => undefined);
  };
  const result = simulation.data?.simulateCall;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="simulator-heading">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id="simulator-heading">
            {t('calls.simulator.heading')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('calls.simulator.intro')}
          </Text>
        </div>
        <form onSubmit={run} aria-labelledby="simulator-heading">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('calls.simulator.callerKind')}
                allowDeselect={false}
                data={CALLER_KINDS.map((value) => ({ value, label: t(`calls.callerKinds.${value}`) }))}
                value={callerKind}
                onChange={(value) => setCallerKind(value ?? 'patient')}
              />
              <Select
                label={t('calls.simulator.intent')}
                allowDeselect={false}
                data={[
                  ...INTENTS.map((value) => ({ value, label: t(`calls.intents.${value}`) })),
                  { value: FROM_SPEECH, label: t('calls.simulator.intentFromSpeech') },
                ]}
                value={intent}
                onChange={(value) => setIntent(value ?? 'advice')}
              />
            </SimpleGrid>
            {intent === FROM_SPEECH && (
              <TextInput
                label={t('calls.simulator.transcript')}
                description={t('calls.simulator.transcriptHint')}
                value={transcript}
                onChange={(event) => setTranscript(event.currentTarget.value)}
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {fixedPractitionerId ? (
                <TextInput
                  label={t('calls.simulator.practitioner')}
                  value={memberName(practitioners, fixedPractitionerId) ?? ''}
                  readOnly
                />
              ) : (
                <Select
                  label={t('calls.simulator.practitioner')}
                  allowDeselect={false}
                  searchable
                  data={[
                    { value: NOBODY, label: t('calls.simulator.nobody') },
                    ...practitioners.map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}` })),
                  ]}
                  value={practitionerId}
                  onChange={(value) => setPractitionerId(value ?? NOBODY)}
                />
              )}
              <Select
                label={t('calls.simulator.status')}
                allowDeselect={false}
                data={[
                  { value: REAL, label: t('calls.simulator.realStatus') },
                  ...PRACTITIONER_STATUSES.map((value) => ({ value, label: t(`calls.statuses.${value}`) })),
                ]}
                value={status}
                onChange={(value) => setStatus(value ?? REAL)}
              />
              <TextInput
                type="date"
                label={t('calls.simulator.date')}
                value={date}
                onChange={(event) => setDate(event.currentTarget.value)}
                required
              />
              <TextInput
                type="time"
                label={t('calls.simulator.time')}
                value={time}
                onChange={(event) => setTime(event.currentTarget.value)}
                required
              />
            </SimpleGrid>
            {callerKind === 'patient' && (
              <Group>
                <Checkbox
                  label={t('calls.simulator.passThrough')}
                  checked={passThrough}
                  onChange={(event) => setPassThrough(event.currentTarget.checked)}
                />
                <Checkbox
                  label={t('calls.simulator.prefersHuman')}
                  checked={prefersHuman}
                  onChange={(event) => setPrefersHuman(event.currentTarget.checked)}
                />
              </Group>
            )}
            {draft && (
              <Checkbox
                label={t('calls.simulator.useDraft')}
                checked={useDraft}
                onChange={(event) => setUseDraft(event.currentTarget.checked)}
              />
            )}
            <Group>
              <Button type="submit" loading={simulation.loading}>
                {t('calls.simulator.run')}
              </Button>
            </Group>
          </Stack>
        </form>
        {simulation.error && (
          <ErrorState message={t('calls.simulator.failed', { message: describeError(simulation.error, t) })} />
        )}
        {result && !simulation.loading && (
          <Alert
            color="blue"
            variant="light"
            role="status"
            title={t('calls.simulator.result')}
            classNames={{ title: 'calls-alert-title' }}
          >
            <Stack gap="xs">
              <Text fw={700} data-testid="simulation-outcome">
                {t('calls.simulator.outcome', { action: t(`calls.actions.${result.decision.action}`) })}
              </Text>
              <Text size="sm">
                {t('calls.simulator.understood', {
                  intent: t(`calls.intents.${result.intent}`),
                  urgent: result.urgent ? t('calls.simulator.urgentSuffix') : '',
                })}
              </Text>
              {result.decision.colleagueId && (
                <Text size="sm">
                  {t('calls.simulator.colleague', {
                    name: memberName(practitioners, result.decision.colleagueId) ?? result.decision.colleagueId,
                  })}
                </Text>
              )}
              {result.decision.queue && (
                <Text size="sm">{t('calls.simulator.queue', { queue: result.decision.queue })}</Text>
              )}
              <DecisionTrace decision={result.decision} />
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
