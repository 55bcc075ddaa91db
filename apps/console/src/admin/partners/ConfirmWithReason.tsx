import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../errors/ProblemAlert';

/**
 * A button that opens a confirmation dialog asking why (the reason goes into the log with the change);
 * nothing is sent until the admin confirms.
 */
export function ConfirmWithReason({
  label,
  title,
  warning,
  confirmLabel,
  color,
  pending,
  error,
  onConfirm,
}: {
  label: string;
  title: string;
  warning: string;
  confirmLabel: string;
  color: string;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string, done: () => void) => void;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const confirm = () => {
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    onConfirm(reason.trim(), () => {
      setReason('');
      close();
    });
  };
  return (
    <>
      <Button color={color} variant="outline" onClick={open}>
        {label}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={title}
        closeButtonProps={{ 'aria-label': t('admin.partners.close') }}
      >
        <Stack>
          <Text>{warning}</Text>
          <ProblemAlert error={error} />
          <Textarea
            label={t('admin.partners.reason')}
            description={t('admin.partners.reasonHelp')}
            required
            data-autofocus
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('form.required') : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('admin.partners.cancel')}
            </Button>
            <Button color={color} loading={pending} onClick={confirm}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
