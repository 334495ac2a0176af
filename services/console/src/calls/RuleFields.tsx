import { Fieldset, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SiteMember } from './calls.queries';
import {
  ACTIONS,
  CALLER_KINDS,
  HOLIDAY_CHOICES,
  INTENTS,
  PRACTITIONER_STATUSES,
  type RuleForm,
  type RuleProblem,
  TOPICS,
  type Tristate,
  WEEKDAYS,
} from './rulebook-model';

interface Props {
  rule: RuleForm;
  number: number;
  problems: readonly RuleProblem[];
  practitioners: readonly SiteMember[];
  onChange(rule: RuleForm): void;
}

/** One rule's form: its conditions and its action, each a labelled control; call-routing's refusals beside each. */
export function RuleFields({ rule, number, problems, practitioners, onChange }: Props) {
  const { t } = useTranslation();
  const errorOf = (field: keyof RuleForm) =>
    problems
      .filter((p) => p.field === field)
      .map((p) => p.reason)
      .join(' ; ') || undefined;
  const set = <K extends keyof RuleForm>(field: K, value: RuleForm[K]) => onChange({ ...rule, [field]: value });
  const options = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const tristate = (field: 'urgent' | 'passThrough' | 'prefersHuman', label: string) => (
    <Select
      label={label}
      allowDeselect={false}
      data={[
        { value: 'any', label: t('calls.rules.fields.anyValue') },
        { value: 'yes', label: t('calls.rules.fields.yes') },
        { value: 'no', label: t('calls.rules.fields.no') },
      ]}
      value={rule[field]}
      onChange={(value) => set(field, (value ?? 'any') as Tristate)}
      error={errorOf(field)}
    />
  );
  const fields = 'calls.rules.fields';
  return (
    <Stack gap="sm" role="group" aria-label={t('calls.rules.ruleNumber', { number })}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t(`${fields}.label`)}
          value={rule.label}
          onChange={(event) => set('label', event.currentTarget.value)}
          error={errorOf('label')}
          required
        />
        <TextInput
          label={t(`${fields}.id`)}
          description={t(`${fields}.idHint`)}
          value={rule.id}
          onChange={(event) => set('id', event.currentTarget.value)}
          error={errorOf('id')}
          required
        />
      </SimpleGrid>
      <Fieldset legend={t(`${fields}.conditions`)}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t(`${fields}.intents`)}
            placeholder={t(`${fields}.anyValue`)}
            data={options(INTENTS, 'calls.intents')}
            value={rule.intents}
            onChange={(value) => set('intents', value)}
            error={errorOf('intents')}
            clearable
          />
          <MultiSelect
            label={t(`${fields}.callerKinds`)}
            placeholder={t(`${fields}.anyValue`)}
            data={options(CALLER_KINDS, 'calls.callerKinds')}
            value={rule.callerKinds}
            onChange={(value) => set('callerKinds', value)}
            error={errorOf('callerKinds')}
            clearable
          />
          <MultiSelect
            label={t(`${fields}.practitionerStatus`)}
            placeholder={t(`${fields}.anyValue`)}
            data={options(PRACTITIONER_STATUSES, 'calls.statuses')}
            value={rule.practitionerStatus}
            onChange={(value) => set('practitionerStatus', value)}
            error={errorOf('practitionerStatus')}
            clearable
          />
          {tristate('urgent', t(`${fields}.urgent`))}
          {tristate('passThrough', t(`${fields}.passThrough`))}
          {tristate('prefersHuman', t(`${fields}.prefersHuman`))}
          <MultiSelect
            label={t(`${fields}.days`)}
            placeholder={t(`${fields}.anyValue`)}
            data={WEEKDAYS.map((day) => ({ value: day, label: t(`calls.weekdayNames.${day}`) }))}
            value={rule.days}
            onChange={(value) => set('days', value)}
            error={errorOf('days')}
            clearable
          />
          <Select
            label={t(`${fields}.onHolidays`)}
            allowDeselect={false}
            data={HOLIDAY_CHOICES.map((value) => ({ value, label: t(`${fields}.holidays.${value}`) }))}
            value={rule.onHolidays || 'excluded'}
            onChange={(value) => set('onHolidays', value === 'excluded' ? '' : (value ?? ''))}
            error={errorOf('onHolidays')}
          />
          <TextInput
            type="time"
            label={t(`${fields}.from`)}
            value={rule.from}
            onChange={(event) => set('from', event.currentTarget.value)}
            error={errorOf('from')}
          />
          <TextInput
            type="time"
            label={t(`${fields}.to`)}
            value={rule.to}
            onChange={(event) => set('to', event.currentTarget.value)}
            error={errorOf('to')}
          />
        </SimpleGrid>
      </Fieldset>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t(`${fields}.action`)}
          allowDeselect={false}
          data={options(ACTIONS, 'calls.actions')}
          value={rule.action}
          onChange={(value) => set('action', value ?? 'take_message')}
          error={errorOf('action')}
          required
        />
        {rule.action === 'remote_queue' && (
          <TextInput
            label={t(`${fields}.queue`)}
            value={rule.queue}
            onChange={(event) => set('queue', event.currentTarget.value)}
            error={errorOf('queue')}
          />
        )}
        {rule.action === 'give_information' && (
          <MultiSelect
            label={t(`${fields}.topics`)}
            placeholder={t(`${fields}.anyValue`)}
            data={options(TOPICS, 'calls.topics')}
            value={rule.topics}
            onChange={(value) => set('topics', value)}
            error={errorOf('topics')}
            clearable
          />
        )}
        {rule.action === 'forward_on_duty' && (
          <MultiSelect
            label={t(`${fields}.colleagues`)}
            description={t(`${fields}.colleaguesHint`)}
            data={practitioners.map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}` }))}
            value={rule.colleagues}
            onChange={(value) => set('colleagues', value)}
            error={errorOf('colleagues')}
            searchable
            clearable
          />
        )}
      </SimpleGrid>
    </Stack>
  );
}
