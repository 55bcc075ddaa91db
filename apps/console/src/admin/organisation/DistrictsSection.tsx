import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { RequestBody } from '@nrm/api-client';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { applyServerFieldErrors } from '../../forms/server-field-errors';
import { Loading } from '../../layout/Loading';
import { useDistricts, useOrganisationCommand } from './use-organisation';

type NewDistrict = RequestBody<'/api/organisation/districts', 'post'>;

/** The districts (or communities) of the node's country, and, for an admin, registering one. */
export function DistrictsSection({ manages }: { manages: boolean }) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const [created, setCreated] = useState<string>();
  const form = useForm<NewDistrict>({ defaultValues: { code: '', name: '' } });
  const { register, handleSubmit, setError, formState, reset } = form;
  const registration = useOrganisationCommand((body: NewDistrict) =>
    data(nrm.POST('/api/organisation/districts', { body })),
  );
  const required = { required: t('form.required') };
  const submit = handleSubmit((values) =>
    registration.mutate(values, {
      onSuccess: (district) => {
        setCreated(district.name);
        reset();
      },
      onError: (error) => applyServerFieldErrors(error, ['code', 'name'], setError),
    }),
  );
  const items = districts.data?.items ?? [];
  return (
    <Stack component="section" aria-labelledby="districts-title">
      <Title order={3} id="districts-title">
        {t('organisation.districts.title')}
      </Title>
      {districts.isPending && <Loading />}
      <ProblemAlert error={districts.error} />
      {districts.data && items.length === 0 && <Text>{t('organisation.districts.none')}</Text>}
      {items.length > 0 && (
        <Table striped>
          <Table.Caption>{t('organisation.districts.caption', { count: items.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('organisation.code')}</Table.Th>
              <Table.Th scope="col">{t('organisation.name')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((district) => (
              <Table.Tr key={district.code}>
                <Table.Td>{district.code}</Table.Td>
                <Table.Td>{district.name}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {manages && (
        <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="district-form-title">
          <Stack maw={560}>
            <Title order={4} id="district-form-title">
              {t('organisation.districts.register')}
            </Title>
            {created && (
              <Alert color="green" role="status">
                {t('organisation.districts.registered', { name: created })}
              </Alert>
            )}
            <ProblemAlert error={registration.error} />
            <TextInput
              label={t('organisation.code')}
              description={t('organisation.codeHelp')}
              required
              autoComplete="off"
              error={formState.errors.code?.message}
              {...register('code', required)}
            />
            <TextInput
              label={t('organisation.name')}
              required
              autoComplete="off"
              error={formState.errors.name?.message}
              {...register('name', required)}
            />
            <Group>
              <Button type="submit" loading={registration.isPending}>
                {t('organisation.districts.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
