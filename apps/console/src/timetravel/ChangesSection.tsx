import { Button, Card, Divider, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../errors/ProblemAlert';
import { Loading } from '../layout/Loading';
import { ChangeEntry } from './ChangeEntry';
import { OPTIONS_WHILE_OPEN, useRevisionOptions } from './revision-options';
import { useCaseChanges, type ChangeRange } from './use-case-changes';

// The open ends of the range, as choices beside the revisions.
const START = 'start';
const LAST = 'last';

const revisionOf = (choice: string | null, end: string): number | undefined =>
  choice === null || choice === end ? undefined : Number(choice);

/**
 * What changed between two revisions, field by field, with who and when: asked for on demand (the
 * whole history of a long case is a large read), listed page by page as the API leads.
 */
export function ChangesSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const revisions = useRevisionOptions(caseId);
  const [from, setFrom] = useState<string | null>(START);
  const [to, setTo] = useState<string | null>(LAST);
  const [range, setRange] = useState<ChangeRange>();
  const changes = useCaseChanges(caseId, range);
  const after = revisionOf(from, START);
  // `to` must come after `from`: the API refuses an empty range.
  const toChoices = revisions.filter((option) => after === undefined || Number(option.value) > after);
  const chooseFrom = (value: string | null) => {
    setFrom(value);
    const start = revisionOf(value, START);
    const end = revisionOf(to, LAST);
    if (start !== undefined && end !== undefined && end <= start) setTo(LAST);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRange({ from: after, to: revisionOf(to, LAST) });
  };
  const items = changes.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        {t('timetravel.changes.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('timetravel.changes.explain')}
      </Text>
      <form onSubmit={submit} noValidate aria-label={t('timetravel.changes.title')}>
        <Group align="flex-end">
          <Select
            comboboxProps={OPTIONS_WHILE_OPEN}
            label={t('timetravel.changes.from')}
            data={[{ value: START, label: t('timetravel.changes.fromStart') }, ...revisions]}
            value={from}
            onChange={chooseFrom}
            allowDeselect={false}
          />
          <Select
            comboboxProps={OPTIONS_WHILE_OPEN}
            label={t('timetravel.changes.to')}
            data={[{ value: LAST, label: t('timetravel.changes.toLast') }, ...toChoices]}
            value={to}
            onChange={setTo}
            allowDeselect={false}
          />
          <Button type="submit" variant="default">
            {t('timetravel.changes.show')}
          </Button>
        </Group>
      </form>
      {range && (
        <Stack mt="md" gap="md">
          {changes.isPending && <Loading />}
          {changes.isError && <ProblemAlert error={changes.error} />}
          {changes.isSuccess && (
            <Text size="sm" role="status">
              {items.length === 0
                ? t('timetravel.changes.none')
                : t('timetravel.changes.listed', { count: items.length })}
            </Text>
          )}
          {items.map((change, index) => (
            <Stack key={change.revision} gap="md">
              {index > 0 && <Divider />}
              <ChangeEntry change={change} />
            </Stack>
          ))}
          {changes.hasNextPage && (
            <Group>
              <Button
                variant="default"
                loading={changes.isFetchingNextPage}
                onClick={() => void changes.fetchNextPage()}
              >
                {t('timetravel.changes.more')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Card>
  );
}
