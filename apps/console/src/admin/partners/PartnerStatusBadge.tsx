import { Badge } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';

const COLORS = { active: 'green', held: 'red', removed: 'gray' } as const;

export function PartnerStatusBadge({ status }: { status: Schema<'PartnerView'>['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" c="dark">
      {t(`admin.partners.status.${status}`)}
    </Badge>
  );
}
