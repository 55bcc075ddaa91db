import { Button, Group, Stack } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { ProblemAlert } from '../../../errors/ProblemAlert';
import { applyServerFieldErrors } from '../../../forms/server-field-errors';
import { useCaseCommand } from '../use-case-command';
import { useCaseCommandsOpen } from './case-commands';
import type { FieldSpec, FormValues } from './field-spec';
import { FormField } from './FormField';

/**
 * A case command as a form: its fields, sent with If-Match of the revision shown; a 400 puts each error
 * beside its field, a 422 or 409 is explained above the form (with a reload), what was typed stays.
 */
export function CommandForm<Body>(props: CommandFormProps<Body>) {
  // None where the page shows the case as it was (see CaseCommandsContext).
  return useCaseCommandsOpen() ? <OpenCommandForm<Body> {...props} /> : null;
}

interface CommandFormProps<Body> {
  caseId: string;
  revision: number;
  onReload: () => void;
  submitLabel: string;
  fields: FieldSpec[];
  defaults?: FormValues;
  toBody: (values: FormValues) => Body;
  send: (body: Body, header: { 'If-Match': string }) => Promise<unknown>;
  variant?: 'filled' | 'default';
}

function OpenCommandForm<Body>({
  caseId,
  revision,
  onReload,
  submitLabel,
  fields,
  defaults = {},
  toBody,
  send,
  variant,
}: CommandFormProps<Body>) {
  const form = useForm<FormValues>({ defaultValues: defaults });
  const command = useCaseCommand<Body>(caseId, revision, send);
  const submit = form.handleSubmit((values) =>
    command.mutate(toBody(values), {
      onSuccess: () => form.reset(defaults),
      onError: (error) =>
        applyServerFieldErrors(
          error,
          fields.map((field) => field.name),
          form.setError,
        ),
    }),
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={submitLabel}>
      <Stack gap="sm">
        <ProblemAlert error={command.error} onReload={onReload} />
        {fields.map((spec) => (
          <FormField key={spec.name} spec={spec} control={form.control} />
        ))}
        <Group>
          <Button type="submit" variant={variant} loading={command.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
