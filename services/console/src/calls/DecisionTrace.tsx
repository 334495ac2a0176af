import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallDecision } from './calls.queries';

/** Which rule decided, and every rule tried before it with each condition's verdict (call-routing's French reasons). */
export function DecisionTrace({ decision }: { decision: CallDecision }) {
  const { t } = useTranslation();
  const decisive = decision.trace.find((rule) => rule.matched);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {decisive
          ? t('calls.trace.decidedBy', {
              label: decisive.label,
              scope: t(`calls.trace.scopes.${decisive.scope}`),
              version: decisive.version === 0 ? t('calls.trace.defaultVersion') : decisive.version,
            })
          : t('calls.trace.noRule')}
      </Text>
      <Text size="sm">{decision.explanation}</Text>
      {decision.trace.length > 0 && (
        <>
          <Text size="sm" fw={600} component="p">
            {t('calls.trace.rulesTried')}
          </Text>
          <List type="ordered" size="sm" spacing={4}>
            {decision.trace.map((rule) => (
              <List.Item key={`${rule.scope}-${rule.ruleId}`}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" span fw={rule.matched ? 700 : 400}>
                    {rule.label}
                  </Text>
                  <Badge
                    size="sm"
                    color={rule.matched ? '#1b5e20' : 'gray.7'}
                    variant={rule.matched ? 'filled' : 'outline'}
                  >
                    {rule.matched ? t('calls.trace.matched') : t('calls.trace.notMatched')}
                  </Badge>
                </Group>
                <Text size="xs" c="gray.8">
                  {rule.checks.length === 0
                    ? t('calls.trace.noCondition')
                    : rule.checks
                        .map(
                          (check) =>
                            `${t(`calls.trace.conditions.${check.condition}`, { defaultValue: check.condition })} : ${check.reason} — ${
                              check.holds ? t('calls.trace.holds') : t('calls.trace.fails')
                            }`,
                        )
                        .join(' ; ')}
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
