import { useQuery } from '@apollo/client/react';
import { Badge, Group, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../common/ErrorState';
import { LoadingState } from '../../common/LoadingState';
import { addDays, slotLabel, todayAt } from '../../common/zoned-time';
import { describeError } from '../../graphql/error-message';
import { FREE_SLOTS_QUERY, type FreeSlot } from '../agenda.queries';

const SEARCH_DAYS = 14;

interface Props {
  motifId: string;
  practitionerId: string;
  siteId: string;
  timeZone: string;
  selected: FreeSlot | null;
  onSelect(slot: FreeSlot): void;
}

/** The practitioner's free slots for the motif at the site over the next 14 days; SNP slots say so. */
export function FreeSlotChoice({ motifId, practitionerId, siteId, timeZone, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const from = todayAt(timeZone);
  const { data, loading, error, refetch } = useQuery(FREE_SLOTS_QUERY, {
    variables: {
      input: {
        motifId,
        from,
        to: addDays(from, SEARCH_DAYS - 1),
        practitionerIds: [practitionerId],
        siteIds: [siteId],
        limit: 40,
      },
    },
    fetchPolicy: 'network-only',
  });
  if (loading) return <LoadingState label={t('booking.slotsLoading')} />;
  if (error)
    return (
      <ErrorState
        message={t('booking.slotsFailed', { message: describeError(error, t) })}
        onRetry={() => void refetch()}
      />
    );
  const slots = data?.freeSlots ?? [];
  if (!slots.length) return <Text role="status">{t('booking.noSlot')}</Text>;
  return (
    <Radio.Group
      label={t('booking.slots')}
      value={selected?.startsAt ?? null}
      onChange={(startsAt) => {
        const slot = slots.find((s) => s.startsAt === startsAt);
        if (slot) onSelect(slot);
      }}
    >
      <ScrollArea.Autosize mah={220} type="auto" mt="xs">
        <Stack gap={6}>
          {slots.map((slot) => (
            <Radio
              key={slot.startsAt}
              value={slot.startsAt}
              label={
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{slotLabel(slot.startsAt, timeZone)}</Text>
                  {slot.snp && (
                    <Badge size="sm" color="red.9" title={t('booking.snpHint')}>
                      {t('booking.snp')}
                    </Badge>
                  )}
                </Group>
              }
            />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Radio.Group>
  );
}
