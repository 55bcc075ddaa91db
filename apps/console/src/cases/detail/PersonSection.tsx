import { Alert, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { apiError, type Schema } from '@nrm/api-client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nrm } from '../../api/nrm';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { WithheldNotice } from './consent-scope/WithheldNotice';
import { FamilyNames } from './family/FamilyNames';

/** Why a person's identity is opened: recorded in the access log with the user, the case and the time. */
const PURPOSES = [
  'case_work',
  'assistance_planning',
  'return_preparation',
  'legal_proceedings',
  'audit',
] as const;

function PersonFacts({
  person,
  pseudonym,
}: {
  person: Schema<'CaseView'>['person'];
  pseudonym?: Schema<'CaseView'>['pseudonym'];
}) {
  const { t } = useTranslation();
  // Registered under a pseudonym and no identity recorded yet: the pseudonym names the person.
  if (!person && typeof pseudonym?.name === 'string')
    return (
      <Text data-testid="person-pseudonym">{t('lifecycles.pseudonym.shown', { name: pseudonym.name })}</Text>
    );
  if (!person) return <Text>{t('person.notShown')}</Text>;
  if ('erased' in person) return <Text>{t('person.erased')}</Text>;
  return (
    <Table>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row">{t('person.givenName')}</Table.Th>
          <Table.Td data-testid="person-given-name">{person.givenName}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('person.familyName')}</Table.Th>
          <Table.Td>{person.familyName}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('person.dateOfBirth')}</Table.Th>
          <Table.Td>{person.dateOfBirth ?? '—'}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/**
 * Personal data stays hidden until the user states why they open it; the node records that read in the
 * access log. Kept in memory for this page only (never cached across pages, never in the URL). With
 * `asOf`, the person as the case held them then, under the same purpose and the same logging.
 */
export function PersonSection({ caseId, asOf }: { caseId: string; asOf?: string }) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<string>();
  const person = useQuery({
    queryKey: ['case', caseId, 'person', revealed, asOf],
    enabled: revealed !== undefined,
    gcTime: 0,
    staleTime: Infinity,
    queryFn: async () => {
      const result = await nrm.GET('/api/cases/{id}', {
        params: { path: { id: caseId }, query: { purpose: revealed, asOf } },
      });
      if (!result.data) throw apiError(result);
      return {
        person: result.data.person,
        pseudonym: result.data.pseudonym,
        family: result.data.family,
        withheld: result.data.personalDataWithheld,
      };
    },
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('case.personalData')}
      </Title>
      {revealed === undefined ? (
        <Stack>
          <Alert color="blue">{t('case.revealExplain')}</Alert>
          <Group align="flex-end">
            <Select
              label={t('case.purpose')}
              value={purpose}
              onChange={setPurpose}
              data={PURPOSES.map((value) => ({ value, label: t(`purposes.${value}`) }))}
            />
            <Button disabled={!purpose} onClick={() => setRevealed(purpose ?? undefined)}>
              {t('case.reveal')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          {person.isError && <ProblemAlert error={person.error} />}
          {person.isSuccess && <WithheldNotice reason={person.data.withheld} />}
          {person.isSuccess && <PersonFacts person={person.data.person} pseudonym={person.data.pseudonym} />}
          {person.isSuccess && <FamilyNames family={person.data.family} />}
          <Text size="xs" c="dimmed">
            {t('case.revealedFor', { purpose: t(`purposes.${revealed}`) })}
          </Text>
          <Group>
            <Button variant="default" size="xs" onClick={() => setRevealed(undefined)}>
              {t('case.hide')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
