import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MotifColours } from './agenda-events';
import type { PractitionerAgenda } from './agenda.queries';

/** The motifs of the week with their colours, so that colour is never the only cue (the label is in each event). */
export function AgendaLegend({
  practitioners,
  colourOf,
}: {
  practitioners: readonly PractitionerAgenda[];
  colourOf: MotifColours;
}) {
  const { t } = useTranslation();
  const labels = new Set<string>();
  for (const agenda of practitioners) for (const appointment of agenda.appointments) labels.add(appointment.motifLabel);
  if (!labels.size) return null;
  return (
    <Group gap="xs" mt="sm" aria-label={t('agenda.legend')} role="group">
      <Text size="sm" fw={600}>
        {t('agenda.legend')}
      </Text>
      {[...labels]
        .sort((a, b) => a.localeCompare(b, 'fr'))
        .map((label) => (
          <Badge key={label} color={colourOf(label)} variant="filled" radius="sm">
            {label}
          </Badge>
        ))}
    </Group>
  );
}
