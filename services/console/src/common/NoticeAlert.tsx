import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The outcome of the user's last action on a page: green when done, red when refused. */
export type Notice = { tone: 'green' | 'red'; text: string };

/** A notice until dismissed: read out at once when refused (alert), politely otherwise (status). */
export function NoticeAlert({ notice, onClose }: { notice: Notice | null; onClose(): void }) {
  const { t } = useTranslation();
  if (!notice) return null;
  return (
    <Alert
      color={notice.tone}
      role={notice.tone === 'red' ? 'alert' : 'status'}
      withCloseButton
      closeButtonLabel={t('booking.closeMessage')}
      onClose={onClose}
    >
      {notice.text}
    </Alert>
  );
}
