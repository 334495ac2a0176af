import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { describeError } from '../graphql/error-message';
import type { SiteSummary } from '../workplace/me.query';
import { callTime, memberName } from './call-labels';
import { CALL_JOURNAL_QUERY, type CallJournalEntry, type SiteMember } from './calls.queries';
import { DecisionTrace } from './DecisionTrace';

const PAGE = 25;
const POLL_MS = 5_000;
/** The demo month is the calendar month before the stack's first start: seventy days back always hold it. */
const DAYS_BACK = 70;

interface Props {
  structureId: string;
  site: SiteSummary;
  /** Set for a practitioner who sees only the calls about them. */
  practitionerId: string | null;
  members: readonly SiteMember[];
}

/** The site's calls, newest first, refreshed every few seconds, each with the trace of the decision taken. */
export function CallJournal({ structureId, site, practitionerId, members }: Props) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [from] = useState(() => DateTime.now().minus({ days: DAYS_BACK }).toUTC().toISO());
  const journal = useQuery(CALL_JOURNAL_QUERY, {
    variables: { input: { structureId, siteId: site.id, practitionerId, from, limit } },
    pollInterval: POLL_MS,
    notifyOnNetworkStatusChange: false,
  });
  const calls = useMemo(
    () => (journal.data ?? journal.previousData)?.callJournal ?? [],
    [journal.data, journal.previousData],
  );
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h3">
          {t('calls.journal.heading')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('calls.journal.intro')}
          {practitionerId && ` ${t('calls.journal.mine')}.`}
        </Text>
      </div>
      {journal.error && (
        <ErrorState
          message={t('calls.journal.loadFailed', { message: describeError(journal.error, t) })}
          onRetry={() => void journal.refetch()}
        />
      )}
      {journal.loading && !calls.length && <LoadingState label={t('calls.journal.loading')} />}
      {!journal.loading && !journal.error && !calls.length && <Text>{t('calls.journal.empty')}</Text>}
      {calls.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-busy={journal.loading}>
            <Table.Caption>{t('calls.journal.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('calls.journal.columns.when')}</Table.Th>
                <Table.Th scope="col">{t('calls.journal.columns.intent')}</Table.Th>
                <Table.Th scope="col">{t('calls.journal.columns.decision')}</Table.Th>
                <Table.Th scope="col">{t('calls.journal.columns.outcome')}</Table.Th>
                <Table.Th scope="col">{t('calls.journal.columns.trace')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calls.map((call) => (
                <Fragment key={call.id}>
                  <JournalRow
                    call={call}
                    timeZone={site.timeZone}
                    members={members}
                    expanded={open.has(call.id)}
                    onToggle={() => toggle(call.id)}
                  />
                  {open.has(call.id) && call.decision && (
                    <Table.Tr>
                      <Table.Td colSpan={5} id={`trace-${call.id}`}>
                        <section
                          aria-label={t('calls.journal.traceOf', { when: callTime(call.startedAt, site.timeZone) })}
                        >
                          <DecisionTrace decision={call.decision} />
                        </section>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {calls.length >= limit && (
        <Group>
          <Button variant="default" onClick={() => setLimit((n) => Math.min(n + PAGE, 500))}>
            {t('calls.journal.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function JournalRow({
  call,
  timeZone,
  members,
  expanded,
  onToggle,
}: {
  call: CallJournalEntry;
  timeZone: string;
  members: readonly SiteMember[];
  expanded: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const practitioner = memberName(members, call.practitionerId);
  const decisive = call.decision?.trace.find((rule) => rule.matched);
  const when = callTime(call.startedAt, timeZone);
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {when}
        </Text>
        <Text size="xs" c="gray.8">
          {t(`calls.callerKinds.${call.callerKind}`)}
          {practitioner && ` · ${t('calls.journal.forPractitioner', { name: practitioner })}`}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Text size="sm">{call.intent ? t(`calls.intents.${call.intent}`) : t('calls.journal.unknownIntent')}</Text>
          {call.urgent && (
            <Badge color="red.9" size="sm">
              {t('calls.journal.urgent')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        {call.decision ? (
          <>
            <Text size="sm">{t(`calls.actions.${call.decision.action}`)}</Text>
            <Text size="xs" c="gray.8">
              {decisive?.label ?? t('calls.trace.noRule')}
            </Text>
            {call.interruptsConsultation && (
              <Badge color="red.9" size="sm" variant="outline">
                {t('calls.journal.interrupts')}
              </Badge>
            )}
          </>
        ) : (
          <Text size="sm">{t('calls.journal.noDecision')}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{call.outcome ? t(`calls.outcomes.${call.outcome}`) : t('calls.outcomes.inProgress')}</Text>
        <Text size="xs" c="gray.8">
          {[
            call.messageReason && t(`calls.journal.messageReason.${call.messageReason}`),
            call.durationSeconds != null && t('calls.journal.seconds', { count: call.durationSeconds }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td>
        {call.decision && (
          <Button
            size="xs"
            variant="default"
            aria-expanded={expanded}
            aria-controls={expanded ? `trace-${call.id}` : undefined}
            aria-label={`${expanded ? t('calls.journal.hideTrace') : t('calls.journal.showTrace')} — ${when}`}
            onClick={onToggle}
          >
            {expanded ? t('calls.journal.hideTrace') : t('calls.journal.showTrace')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
