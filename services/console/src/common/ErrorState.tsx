import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A failure in words, with a retry when the caller can retry. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={message}>
      {onRetry && (
        <Button variant="white" color="red" onClick={onRetry} mt="xs">
          {t('app.retry')}
        </Button>
      )}
    </Alert>
  );
}
