import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAgencyOptions } from './use-organisation';

interface AgencySelectProps {
  label: string;
  description?: string;
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  error?: string;
  required?: boolean;
  name?: string;
}

/** Picks a registered, active agency of the node (the registry's list), searchable by name or code. */
export function AgencySelect({ value, ...props }: AgencySelectProps) {
  const { t } = useTranslation();
  const options = useAgencyOptions();
  return (
    <Select
      searchable
      clearable={!props.required}
      nothingFoundMessage={t('organisation.noAgencyFound')}
      data={options}
      value={value || null}
      {...props}
    />
  );
}
