import {
  Alert,
  Button,
  Card,
  Group,
  List,
  MultiSelect,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { RequestBody, Schema } from '@nrm/api-client';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { applyServerFieldErrors } from '../../forms/server-field-errors';
import { Loading } from '../../layout/Loading';
import { AgencySelect } from './AgencySelect';
import {
  useAgencies,
  useAgencyOptions,
  useDistrictOptions,
  useOrganisationCommand,
  useTeams,
} from './use-organisation';

type NewTeam = RequestBody<'/api/organisation/teams', 'post'>;
const FIELDS = ['code', 'name', 'district', 'members'] as const;

/** The multidisciplinary team of each district and its member agencies; an admin forms and changes them. */
export function TeamsSection({ manages }: { manages: boolean }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const items = teams.data?.items ?? [];
  return (
    <Stack component="section" aria-labelledby="teams-title">
      <Title order={3} id="teams-title">
        {t('organisation.teams.title')}
      </Title>
      <Text>{t('organisation.teams.intro')}</Text>
      {teams.isPending && <Loading />}
      <ProblemAlert error={teams.error} />
      {teams.data && items.length === 0 && <Text>{t('organisation.teams.none')}</Text>}
      {items.map((team) => (
        <TeamCard key={team.code} team={team} manages={manages} />
      ))}
      {manages && <FormTeamForm />}
    </Stack>
  );
}

function TeamCard({ team, manages }: { team: Schema<'TeamView'>; manages: boolean }) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const [agency, setAgency] = useState<string | null>(null);
  const nameOf = (code: string) => agencies.data?.items.find((a) => a.code === code)?.name ?? code;
  const join = useOrganisationCommand((code: string) =>
    data(
      nrm.POST('/api/organisation/teams/{code}/members', {
        params: { path: { code: team.code } },
        body: { agency: code },
      }),
    ),
  );
  const leave = useOrganisationCommand((code: string) =>
    data(
      nrm.DELETE('/api/organisation/teams/{code}/members/{agency}', {
        params: { path: { code: team.code, agency: code } },
      }),
    ),
  );
  const titleId = `team-${team.code}`;
  return (
    <Card withBorder component="article" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={4} id={titleId}>
          {t('organisation.teams.heading', { name: team.name, district: team.district })}
        </Title>
        <ProblemAlert error={join.error ?? leave.error} />
        {team.members.length === 0 ? (
          <Text>{t('organisation.teams.noMembers')}</Text>
        ) : (
          <List aria-label={t('organisation.teams.members', { name: team.name })}>
            {team.members.map((member) => (
              <List.Item key={member}>
                <Group gap="sm">
                  <Text span>{`${nameOf(member)} (${member})`}</Text>
                  {manages && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('organisation.teams.removeOne', { name: nameOf(member) })}
                      loading={leave.isPending && leave.variables === member}
                      onClick={() => leave.mutate(member)}
                    >
                      {t('organisation.teams.remove')}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {manages && (
          <Group align="flex-end">
            <AgencySelect
              label={t('organisation.teams.agencyToAdd', { name: team.name })}
              value={agency}
              onChange={setAgency}
            />
            <Button
              disabled={!agency}
              loading={join.isPending}
              onClick={() => agency && join.mutate(agency, { onSuccess: () => setAgency(null) })}
            >
              {t('organisation.teams.add')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function FormTeamForm() {
  const { t } = useTranslation();
  const districts = useDistrictOptions();
  const agencies = useAgencyOptions();
  const [created, setCreated] = useState<string>();
  const form = useForm<NewTeam>({ defaultValues: { code: '', name: '', members: [] } });
  const { register, control, handleSubmit, setError, formState, reset } = form;
  const formation = useOrganisationCommand((body: NewTeam) =>
    data(nrm.POST('/api/organisation/teams', { body })),
  );
  const required = { required: t('form.required') };
  const submit = handleSubmit((values) =>
    formation.mutate(values, {
      onSuccess: (team) => {
        setCreated(team.name);
        reset();
      },
      onError: (error) => applyServerFieldErrors(error, FIELDS, setError),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="team-form-title">
      <Stack maw={560}>
        <Title order={4} id="team-form-title">
          {t('organisation.teams.form')}
        </Title>
        {created && (
          <Alert color="green" role="status">
            {t('organisation.teams.formed', { name: created })}
          </Alert>
        )}
        <ProblemAlert error={formation.error} />
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
        <Controller
          name="members"
          control={control}
          render={({ field, fieldState }) => (
            <MultiSelect
              label={t('organisation.teams.memberAgencies')}
              searchable
              data={agencies}
              error={fieldState.error?.message}
              {...field}
              value={field.value ?? []}
            />
          )}
        />
        <Group>
          <Button type="submit" loading={formation.isPending}>
            {t('organisation.teams.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
