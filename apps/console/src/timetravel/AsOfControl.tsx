import { Button, Card, Group, Radio, Select, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { instantOf, localInputOf, revisionIn } from './as-of';
import { OPTIONS_WHILE_OPEN, useRevisionOptions } from './revision-options';

type By = 'revision' | 'time';

/**
 * "View as of": a revision from the case's history or a date-time. The choice goes into the address
 * (`?asOf=`, a revision number or an instant: nothing personal), so the past view can be shared and
 * reloaded. Starts from what the address shows (the page keys it by `asOf`).
 */
export function AsOfControl({ caseId, asOf }: { caseId: string; asOf?: string }) {
  const { t } = useTranslation();
  const [, setSearch] = useSearchParams();
  const revisions = useRevisionOptions(caseId);
  const shownRevision = asOf === undefined ? undefined : revisionIn(asOf);
  const shownTime = asOf !== undefined && shownRevision === undefined ? asOf : undefined;
  const [by, setBy] = useState<By>(shownTime ? 'time' : 'revision');
  const [revision, setRevision] = useState<string | null>(
    shownRevision === undefined ? null : String(shownRevision),
  );
  const [local, setLocal] = useState(shownTime ? localInputOf(shownTime) : '');
  const target = by === 'revision' ? (revision ?? undefined) : instantOf(local);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target !== undefined) setSearch({ asOf: target });
  };
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label={t('timetravel.control.title')}>
        <Title order={3} size="h4" mb="xs">
          {t('timetravel.control.title')}
        </Title>
        <Text size="sm" mb="sm">
          {t('timetravel.control.explain')}
        </Text>
        <Group align="flex-end">
          <Radio.Group
            label={t('timetravel.control.by')}
            value={by}
            onChange={(value) => setBy(value === 'time' ? 'time' : 'revision')}
          >
            <Group mt="xs" mb={6}>
              <Radio value="revision" label={t('timetravel.control.byRevision')} />
              <Radio value="time" label={t('timetravel.control.byTime')} />
            </Group>
          </Radio.Group>
          {by === 'revision' ? (
            <Select
              comboboxProps={OPTIONS_WHILE_OPEN}
              label={t('timetravel.control.revision')}
              data={revisions}
              value={revision}
              onChange={setRevision}
              w={{ base: '100%', sm: 380 }}
            />
          ) : (
            <TextInput
              type="datetime-local"
              step={1}
              label={t('timetravel.control.dateTime')}
              description={t('timetravel.control.dateTimeHint')}
              value={local}
              onChange={(event) => setLocal(event.currentTarget.value)}
            />
          )}
          <Button type="submit" disabled={target === undefined}>
            {t('timetravel.control.view')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
