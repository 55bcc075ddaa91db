import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { applyServerFieldErrors } from '../../forms/server-field-errors';
import { Loading } from '../../layout/Loading';
import { useAgencies, useDistrictOptions, useOrganisationCommand } from './use-organisation';

type NewAgency = RequestBody<'/api/organisation/agencies', 'post'>;
const FIELDS = ['code', 'name', 'kind', 'district'] as const;

/** The agencies of the referral mechanism; an admin registers and deactivates them. */
export function AgenciesSection({ manages }: { manages: boolean }) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const districts = useDistrictOptions();
  const [created, setCreated] = useState<string>();
  const form = useForm<NewAgency>({ defaultValues: { code: '', name: '' } });
  const { register, control, handleSubmit, setError, formState, reset } = form;
  const registration = useOrganisationCommand((body: NewAgency) =>
    data(nrm.POST('/api/organisation/agencies', { body })),
  );
  const deactivation = useOrganisationCommand((code: string) =>
    data(nrm.POST('/api/organisation/agencies/{code}/deactivation', { params: { path: { code } } })),
  );
  const required = { required: t('form.required') };
  const submit = handleSubmit((values) =>
    registration.mutate(values, {
      onSuccess: (agency) => {
        setCreated(agency.name);
        reset();
      },
      onError: (error) => applyServerFieldErrors(error, FIELDS, setError),
    }),
  );
  const kinds = ENUM_VALUES['RegisterAgencyDto.kind'].map((kind) => ({
    value: kind,
    label: t(`organisation.kinds.${kind}`),
  }));
  const items = agencies.data?.items ?? [];
  return (
    <Stack component="section" aria-labelledby="agencies-title">
      <Title order={3} id="agencies-title">
        {t('organisation.agencies.title')}
      </Title>
      {agencies.isPending && <Loading />}
      <ProblemAlert error={agencies.error} />
      <ProblemAlert error={deactivation.error} />
      {agencies.data && items.length === 0 && <Text>{t('organisation.agencies.none')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>{t('organisation.agencies.caption', { count: items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organisation.code')}</Table.Th>
                <Table.Th scope="col">{t('organisation.name')}</Table.Th>
                <Table.Th scope="col">{t('organisation.kind')}</Table.Th>
                <Table.Th scope="col">{t('organisation.district')}</Table.Th>
                <Table.Th scope="col">{t('organisation.status')}</Table.Th>
                {manages && <Table.Th scope="col">{t('organisation.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((agency) => (
                <Table.Tr key={agency.code}>
                  <Table.Td>{agency.code}</Table.Td>
                  <Table.Td>{agency.name}</Table.Td>
                  <Table.Td>{t(`organisation.kinds.${agency.kind}`)}</Table.Td>
                  <Table.Td>{agency.district}</Table.Td>
                  <Table.Td>
                    <Badge color={agency.active ? 'green' : 'gray'} variant="light" c="dark">
                      {agency.active ? t('organisation.active') : t('organisation.deactivated')}
                    </Badge>
                  </Table.Td>
                  {manages && (
                    <Table.Td>
                      {agency.active && (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          loading={deactivation.isPending && deactivation.variables === agency.code}
                          aria-label={t('organisation.agencies.deactivateOne', { name: agency.name })}
                          onClick={() => deactivation.mutate(agency.code)}
                        >
                          {t('organisation.agencies.deactivate')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {manages && (
        <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="agency-form-title">
          <Stack maw={560}>
            <Title order={4} id="agency-form-title">
              {t('organisation.agencies.register')}
            </Title>
            {created && (
              <Alert color="green" role="status">
                {t('organisation.agencies.registered', { name: created })}
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
            <Controller
              name="kind"
              control={control}
              rules={required}
              render={({ field, fieldState }) => (
                <Select
                  label={t('organisation.kind')}
                  required
                  data={kinds}
                  error={fieldState.error?.message}
                  {...field}
                  value={field.value ?? null}
                />
              )}
            />
            <Controller
              name="district"
              control={control}
              rules={required}
              render={({ field, fieldState }) => (
                <Select
                  label={t('organisation.district')}
                  required
                  searchable
                  data={districts}
                  error={fieldState.error?.message}
                  {...field}
                  value={field.value || null}
                />
              )}
            />
            <Group>
              <Button type="submit" loading={registration.isPending}>
                {t('organisation.agencies.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
