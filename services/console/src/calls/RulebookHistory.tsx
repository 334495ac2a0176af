import { useQuery } from '@apollo/client/react';
import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../common/ErrorState';
import { describeError } from '../graphql/error-message';
import { callTime, memberName } from './call-labels';
import { RULEBOOK_HISTORY_QUERY, type RulebookScopeVariables, type SiteMember } from './calls.queries';

interface Props {
  scope: RulebookScopeVariables['input'];
  /** The version shown: the history is read again when it changes. */
  version: number | null;
  timeZone: string;
  members: readonly SiteMember[];
}

/** The last versions of the rulebook: who published, when, and what changed (call routing's French summaries). */
export function RulebookHistory({ scope, version, timeZone, members }: Props) {
  const { t } = useTranslation();
  const history = useQuery(RULEBOOK_HISTORY_QUERY, {
    variables: { input: scope, limit: 10 },
    skip: version === null,
    fetchPolicy: 'cache-and-network',
  });
  if (version === null) return null;
  const versions = history.data?.rulebookHistory ?? [];
  return (
    <Stack gap={4} component="section" aria-labelledby="rulebook-history">
      <Title order={3} size="h5" id="rulebook-history">
        {t('calls.rules.history')}
      </Title>
      {history.error && (
        <ErrorState message={t('calls.rules.historyFailed', { message: describeError(history.error, t) })} />
      )}
      <List size="sm" spacing={4}>
        {versions.map((v) => (
          <List.Item key={v.version}>
            <Text size="sm" fw={600} span>
              {t('calls.rules.historyEntry', {
                version: v.version,
                when: callTime(v.publishedAt, timeZone),
                author: memberName(members, v.authorId) ?? t('calls.rules.someone'),
              })}
            </Text>
            {v.changes.length > 0 && (
              <Text size="xs" c="gray.8">
                {v.changes.map((c) => c.summary).join(' ; ')}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
