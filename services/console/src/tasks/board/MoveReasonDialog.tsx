import { Button, Group, Modal, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Blocking, escalating, sending back or cancelling asks why: the reason goes into the task's audit trail. */
export function MoveReasonDialog({
  status,
  onCancel,
  onConfirm,
}: {
  status: string;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onCancel} title={t('tasks.reason.title', { status })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim()) onConfirm(reason.trim());
        }}
      >
        <Textarea
          label={t('tasks.reason.label')}
          description={t('tasks.reason.hint')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onCancel}>
            {t('tasks.reason.cancel')}
          </Button>
          <Button type="submit" disabled={!reason.trim()}>
            {t('tasks.reason.submit')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
