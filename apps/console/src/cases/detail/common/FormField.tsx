import { Checkbox, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldSpec, FormValues } from './field-spec';

/** One labelled input of a command form, its error beside it (Mantine wires aria-describedby). */
export function FormField({ spec, control }: { spec: FieldSpec; control: Control<FormValues> }) {
  const { t } = useTranslation();
  const rules = 'required' in spec && spec.required ? { required: t('form.required') } : undefined;
  if (spec.kind === 'checkboxes')
    // A short list chosen all at once (e.g. the person's wishes): a group of checkboxes under its legend.
    return (
      <Controller
        name={spec.name}
        control={control}
        rules={rules}
        render={({ field, fieldState }) => (
          <Checkbox.Group
            label={spec.label}
            description={spec.description}
            required={spec.required}
            error={fieldState.error?.message}
            value={Array.isArray(field.value) ? field.value : []}
            onChange={field.onChange}
          >
            <Stack gap={6} mt={6}>
              {spec.options.map((option) => (
                <Checkbox
                  key={option.value}
                  value={option.value}
                  label={option.label}
                  onBlur={field.onBlur}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
      />
    );
  if (spec.kind === 'select' || spec.kind === 'multiselect')
    return (
      <Controller
        name={spec.name}
        control={control}
        rules={rules}
        render={({ field, fieldState }) => {
          const common = {
            label: spec.label,
            description: spec.description,
            required: spec.required,
            data: spec.options,
            error: fieldState.error?.message,
            name: field.name,
            onBlur: field.onBlur,
            ref: field.ref,
          };
          return spec.kind === 'select' ? (
            <Select
              {...common}
              clearable={!spec.required}
              searchable={spec.searchable}
              value={typeof field.value === 'string' ? field.value : null}
              onChange={field.onChange}
            />
          ) : (
            <MultiSelect
              {...common}
              searchable
              value={Array.isArray(field.value) ? field.value : []}
              onChange={field.onChange}
            />
          );
        }}
      />
    );
  if (spec.kind === 'checkbox')
    return (
      <Controller
        name={spec.name}
        control={control}
        render={({ field }) => (
          <Checkbox
            label={spec.label}
            description={spec.description}
            checked={field.value === true}
            onChange={(event) => field.onChange(event.currentTarget.checked)}
            onBlur={field.onBlur}
            ref={field.ref}
            name={field.name}
          />
        )}
      />
    );
  const inputType =
    { date: 'date', datetime: 'datetime-local', number: 'number' }[spec.kind as string] ?? 'text';
  return (
    <Controller
      name={spec.name}
      control={control}
      rules={rules}
      render={({ field, fieldState }) => {
        const common = {
          label: spec.label,
          description: spec.description,
          required: spec.required,
          error: fieldState.error?.message,
          name: field.name,
          onBlur: field.onBlur,
          ref: field.ref,
          value: typeof field.value === 'string' ? field.value : '',
          onChange: (event: { currentTarget: { value: string } }) =>
            field.onChange(event.currentTarget.value),
        };
        return spec.kind === 'textarea' ? (
          <Textarea {...common} autosize minRows={2} />
        ) : (
          <TextInput {...common} type={inputType} step={spec.kind === 'number' ? '0.01' : undefined} />
        );
      }}
    />
  );
}
