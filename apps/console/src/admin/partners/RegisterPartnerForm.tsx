import { Alert, Button, Group, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useCountryOptions } from '../../forms/country-options';
import { applyServerFieldErrors } from '../../forms/server-field-errors';
import { agreementBody, emptyAgreement, type AgreementValues } from './agreement';
import { AGREEMENT_FIELDS, AgreementFields } from './AgreementFields';
import { parseIdentity } from './identity-json';

type Registration = RequestBody<'/api/partners', 'post'>;
type Country = Registration['country'];
type Values = Omit<Registration, 'agreement' | 'country'> & {
  country: Country | null;
  agreement: AgreementValues;
};

const FIELDS = ['nodeId', 'country', 'publicKeyPem', 'encryptionKeyPem', 'endpoint', ...AGREEMENT_FIELDS];
const isCountry = (code: string): code is Country =>
  (ENUM_VALUES['RegisterPartnerDto.country'] as readonly string[]).includes(code);

/**
 * Registers a partner node from what it publishes (GET /api/node/identity on its side): the admin pastes
 * that JSON to fill the keys in, or types them, then adds where it is reached and the agreement.
 */
export function RegisterPartnerForm() {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const queries = useQueryClient();
  const [identity, setIdentity] = useState('');
  const [identityError, setIdentityError] = useState<string>();
  const [registered, setRegistered] = useState<string>();
  const form = useForm<Values>({
    defaultValues: {
      nodeId: '',
      country: null,
      publicKeyPem: '',
      encryptionKeyPem: '',
      endpoint: '',
      agreement: emptyAgreement(),
    },
  });
  const { register, control, handleSubmit, setError, setValue, formState, reset } = form;
  const registration = useMutation({
    mutationFn: (body: Registration) => data(nrm.POST('/api/partners', { body })),
    onSuccess: (partner) => {
      setRegistered(partner.nodeId);
      setIdentity('');
      reset();
      void queries.invalidateQueries({ queryKey: ['partners'] });
    },
    onError: (error) => {
      setRegistered(undefined);
      applyServerFieldErrors(error, FIELDS, setError);
    },
  });

  const fillFromIdentity = () => {
    const parsed = parseIdentity(identity);
    if (!parsed) {
      setIdentityError(t('admin.partners.identityInvalid'));
      return;
    }
    setIdentityError(undefined);
    setValue('nodeId', parsed.nodeId, { shouldValidate: true });
    setValue('country', isCountry(parsed.country) ? parsed.country : null, { shouldValidate: true });
    setValue('publicKeyPem', parsed.publicKeyPem, { shouldValidate: true });
    setValue('encryptionKeyPem', parsed.encryptionKeyPem, { shouldValidate: true });
  };

  const required = { required: t('form.required') };
  const submit = handleSubmit(({ country, agreement, endpoint, ...values }) => {
    if (!country) return;
    registration.mutate({
      ...values,
      country,
      endpoint: endpoint?.trim() || undefined,
      agreement: agreementBody(agreement),
    });
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="register-partner-title">
        <Stack maw={720}>
          <Title order={3} size="h4" id="register-partner-title">
            {t('admin.partners.register')}
          </Title>
          {registered && (
            <Alert color="green" role="status">
              {t('admin.partners.registered', { nodeId: registered })}
            </Alert>
          )}
          <ProblemAlert error={registration.error} />
          <Textarea
            label={t('admin.partners.identity')}
            description={t('admin.partners.identityHelp')}
            autosize
            minRows={3}
            maxRows={12}
            value={identity}
            onChange={(event) => setIdentity(event.currentTarget.value)}
            error={identityError}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <Group>
            <Button variant="default" onClick={fillFromIdentity}>
              {t('admin.partners.fillFromIdentity')}
            </Button>
          </Group>
          <TextInput
            label={t('admin.partners.nodeId')}
            required
            error={formState.errors.nodeId?.message}
            {...register('nodeId', required)}
          />
          <Controller
            name="country"
            control={control}
            rules={required}
            render={({ field, fieldState }) => (
              <Select
                label={t('admin.partners.country')}
                required
                searchable
                data={countries('RegisterPartnerDto.country')}
                error={fieldState.error?.message}
                {...field}
              />
            )}
          />
          <Textarea
            label={t('admin.partners.publicKey')}
            description={t('admin.partners.publicKeyHelp')}
            required
            autosize
            minRows={3}
            error={formState.errors.publicKeyPem?.message}
            styles={{ input: { fontFamily: 'monospace' } }}
            {...register('publicKeyPem', required)}
          />
          <Textarea
            label={t('admin.partners.encryptionKey')}
            description={t('admin.partners.encryptionKeyHelp')}
            required
            autosize
            minRows={3}
            error={formState.errors.encryptionKeyPem?.message}
            styles={{ input: { fontFamily: 'monospace' } }}
            {...register('encryptionKeyPem', required)}
          />
          <TextInput
            label={t('admin.partners.endpoint')}
            description={t('admin.partners.endpointHelp')}
            error={formState.errors.endpoint?.message}
            {...register('endpoint')}
          />
          <AgreementFields />
          <Group>
            <Button type="submit" loading={registration.isPending}>
              {t('admin.partners.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
