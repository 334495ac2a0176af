import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../common/ErrorState';
import { LoadingState } from '../../common/LoadingState';
import { slotLabel } from '../../common/zoned-time';
import { describeError } from '../../graphql/error-message';
import {
  CONFIRM_ONLINE_REQUEST,
  ONLINE_BOOKING_REQUESTS,
  type OnlineBookingRequest,
  REJECT_ONLINE_REQUEST,
} from './agenda-actions.queries';

interface Props {
  structureId: string;
  siteId: string;
  timeZone: string;
  motifLabel(motifId: string): string;
  practitionerLabel(practitionerId: string): string;
  /** A request was decided: the page says so and reloads the week. */
  onDecided(message: string, startsAt: string | null): void;
}

/**
 * Online bookings awaiting the desk (SCH-5): the slot is held until the request is confirmed (the patient is booked,
 * registered first if new) or refused (the slot is free again). Staff see what the directory made of the identity,
 * never the identity itself here.
 */
export function OnlineRequests({ structureId, siteId, timeZone, motifLabel, practitionerLabel, onDecided }: Props) {
  const { t } = useTranslation();
  const requests = useQuery(ONLINE_BOOKING_REQUESTS, { variables: { structureId }, notifyOnNetworkStatusChange: true });
  const [confirm] = useMutation(CONFIRM_ONLINE_REQUEST);
  const [reject] = useMutation(REJECT_ONLINE_REQUEST);
  const [pending, setPending] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const list = requests.data?.onlineBookingRequests ?? [];

  const decide = async (request: OnlineBookingRequest, decision: 'confirm' | 'reject') => {
    setPending(request.id);
    setFailure(null);
    try {
      if (decision === 'confirm') {
        const answer = await confirm({ variables: { requestId: request.id } });
        const startsAt = answer.data?.confirmOnlineBookingRequest.startsAt ?? request.startsAt;
        onDecided(t('agendaActions.online.confirmed', { when: slotLabel(startsAt, timeZone) }), startsAt);
      } else {
        await reject({ variables: { requestId: request.id } });
        onDecided(t('agendaActions.online.rejected'), null);
      }
      await requests.refetch();
    } catch (error) {
      setFailure(t('agendaActions.online.actionFailed', { message: describeError(error, t) }));
    } finally {
      setPending(null);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="online-requests-title" padding="sm">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="online-requests-title">
          {t('agendaActions.online.title')}
        </Title>
        {list.length > 0 && (
          <Badge color="dark" variant="outline">
            {t('agendaActions.online.count', { count: list.length })}
          </Badge>
        )}
      </Group>
      {requests.loading && !requests.data && <LoadingState label={t('agendaActions.online.loading')} />}
      {requests.error && (
        <ErrorState
          message={t('agendaActions.online.failed', { message: describeError(requests.error, t) })}
          onRetry={() => void requests.refetch()}
        />
      )}
      {failure && <ErrorState message={failure} />}
      {requests.data && list.length === 0 && (
        <Text size="sm" c="gray.7">
          {t('agendaActions.online.none')}
        </Text>
      )}
      {list.length > 0 && (
        <Stack gap="xs" component="ul" className="online-requests">
          {list.map((request) => (
            <li key={request.id} className="online-request">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Text fw={700}>
                    {slotLabel(request.startsAt, timeZone)} · {motifLabel(request.motifId)} ·{' '}
                    {practitionerLabel(request.practitionerId)}
                    {request.siteId !== siteId && ` (${t('agendaActions.online.otherSite')})`}
                  </Text>
                  <Text size="sm">{t(`agendaActions.online.identity.${request.identity}`)}</Text>
                  <Text size="sm" c="gray.7">
                    {t('agendaActions.online.received', { when: slotLabel(request.createdAt, timeZone) })} —{' '}
                    {t('agendaActions.online.holdUntil', { when: slotLabel(request.holdExpiresAt, timeZone) })}
                  </Text>
                </div>
                <Group gap="xs">
                  <Button
                    size="sm"
                    loading={pending === request.id}
                    disabled={pending !== null}
                    onClick={() => void decide(request, 'confirm')}
                    aria-label={`${t('agendaActions.online.confirm')} — ${slotLabel(request.startsAt, timeZone)}`}
                  >
                    {t('agendaActions.online.confirm')}
                  </Button>
                  <Button
                    size="sm"
                    variant="outline"
                    color="red.9"
                    disabled={pending !== null}
                    onClick={() => void decide(request, 'reject')}
                    aria-label={`${t('agendaActions.online.reject')} — ${slotLabel(request.startsAt, timeZone)}`}
                  >
                    {t('agendaActions.online.reject')}
                  </Button>
                </Group>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
