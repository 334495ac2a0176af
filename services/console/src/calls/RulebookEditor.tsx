import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteMember } from './calls.queries';
import { RuleFields } from './RuleFields';
import { moved, newRule, type RuleForm, type RuleProblem } from './rulebook-model';

interface Props {
  rules: readonly RuleForm[];
  editable: boolean;
  problems: readonly RuleProblem[];
  practitioners: readonly SiteMember[];
  onChange(rules: RuleForm[]): void;
}

/** The ordered rules: each summarised, opened for editing, moved up or down with buttons (keyboard first). */
export function RulebookEditor({ rules, editable, problems, practitioners, onChange }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  /** After a move the button pressed follows its rule: focus goes back to it (or its sibling at either end). */
  const [refocus, setRefocus] = useState<{ key: string; direction: 'up' | 'down' } | null>(null);

  useEffect(() => {
    if (!refocus) return;
    const wanted = document.getElementById(`${refocus.key}-${refocus.direction}`);
    const other = document.getElementById(`${refocus.key}-${refocus.direction === 'up' ? 'down' : 'up'}`);
    const target = wanted && !wanted.hasAttribute('disabled') ? wanted : other;
    target?.focus();
  }, [refocus]);

  // Rules a refusal names are opened, so that the author sees each message beside its field.
  const withProblems = new Set(problems.flatMap((p) => (p.ruleIndex === null ? [] : [rules[p.ruleIndex]?.key ?? ''])));
  const isOpen = (key: string) => opened.has(key) || withProblems.has(key);
  const toggle = (key: string) =>
    setOpened((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const move = (index: number, direction: 'up' | 'down') => {
    onChange(moved(rules, index, direction === 'up' ? -1 : 1));
    setRefocus({ key: rules[index].key, direction });
  };
  const add = () => {
    const rule = newRule(rules, t('calls.rules.newLabel'));
    onChange([...rules, rule]);
    setOpened((current) => new Set(current).add(rule.key));
  };

  return (
    <Stack gap="xs">
      <Text fw={600} id="rules-list-label">
        {t('calls.rules.list')}
      </Text>
      <ol aria-labelledby="rules-list-label" className="calls-rule-list">
        {rules.map((rule, index) => {
          const number = index + 1;
          const ruleProblems = problems.filter((p) => p.ruleIndex === index);
          const general = ruleProblems.filter((p) => p.field === null);
          return (
            <li key={rule.key}>
              <Paper
                withBorder
                p="sm"
                radius="sm"
                style={ruleProblems.length ? { borderColor: 'var(--mantine-color-red-8)' } : undefined}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {number}. {rule.label}
                    </Text>
                    <Text size="xs" c="gray.8">
                      <RuleSummary rule={rule} /> → {t(`calls.actions.${rule.action}`)}
                    </Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    {editable && (
                      <>
                        <Tooltip label={t('calls.rules.moveUp', { number })}>
                          <ActionIcon
                            id={`${rule.key}-up`}
                            variant="default"
                            aria-label={t('calls.rules.moveUp', { number })}
                            disabled={index === 0}
                            onClick={() => move(index, 'up')}
                          >
                            <span aria-hidden="true">↑</span>
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('calls.rules.moveDown', { number })}>
                          <ActionIcon
                            id={`${rule.key}-down`}
                            variant="default"
                            aria-label={t('calls.rules.moveDown', { number })}
                            disabled={index === rules.length - 1}
                            onClick={() => move(index, 'down')}
                          >
                            <span aria-hidden="true">↓</span>
                          </ActionIcon>
                        </Tooltip>
                      </>
                    )}
                    <Button size="xs" variant="light" aria-expanded={isOpen(rule.key)} onClick={() => toggle(rule.key)}>
                      {isOpen(rule.key)
                        ? t('calls.rules.close', { number })
                        : t(editable ? 'calls.rules.edit' : 'calls.rules.view', { number })}
                    </Button>
                    {editable && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => onChange(rules.filter((r) => r.key !== rule.key))}
                      >
                        {t('calls.rules.remove', { number })}
                      </Button>
                    )}
                  </Group>
                </Group>
                {general.map((problem) => (
                  <Text key={problem.reason} size="sm" c="red.9" mt={4} role="alert">
                    {problem.reason}
                  </Text>
                ))}
                {isOpen(rule.key) && (
                  <fieldset disabled={!editable} className="calls-rule-fieldset">
                    <RuleFields
                      rule={rule}
                      number={number}
                      problems={ruleProblems}
                      practitioners={practitioners}
                      onChange={(next) => onChange(rules.map((r) => (r.key === rule.key ? next : r)))}
                    />
                  </fieldset>
                )}
              </Paper>
            </li>
          );
        })}
      </ol>
      {editable && (
        <Group>
          <Button variant="default" onClick={add}>
            {t('calls.rules.add')}
          </Button>
        </Group>
      )}
      {!rules.length && <Alert color="gray">{t('calls.rules.noneYet')}</Alert>}
    </Stack>
  );
}

/** "Motif : conseil médical · lun.–ven. 08:00–12:00", or "tout appel". */
function RuleSummary({ rule }: { rule: RuleForm }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (rule.urgent !== 'any')
    parts.push(`${t('calls.rules.fields.urgent')} : ${t(`calls.rules.fields.${rule.urgent}`)}`);
  if (rule.intents.length) parts.push(rule.intents.map((i) => t(`calls.intents.${i}`)).join(', '));
  if (rule.callerKinds.length) parts.push(rule.callerKinds.map((k) => t(`calls.callerKinds.${k}`)).join(', '));
  if (rule.passThrough !== 'any')
    parts.push(`${t('calls.rules.fields.passThrough')} : ${t(`calls.rules.fields.${rule.passThrough}`)}`);
  if (rule.prefersHuman !== 'any')
    parts.push(`${t('calls.rules.fields.prefersHuman')} : ${t(`calls.rules.fields.${rule.prefersHuman}`)}`);
  if (rule.practitionerStatus.length)
    parts.push(rule.practitionerStatus.map((s) => t(`calls.statuses.${s}`)).join(', '));
  if (rule.days.length) parts.push(rule.days.map((d) => t(`calls.weekdays.${d}`)).join(', '));
  if (rule.from || rule.to) parts.push(`${rule.from || '00:00'}–${rule.to || '24:00'}`);
  if (rule.onHolidays === 'only') parts.push(t('calls.rules.fields.holidays.only'));
  return <>{parts.length ? parts.join(' · ') : t('calls.rules.anyCondition')}</>;
}
