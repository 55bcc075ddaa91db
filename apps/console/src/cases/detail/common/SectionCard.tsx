import { Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A section of the case page, laid out as the consents section: title, what is recorded, the form. */
export function SectionCard({
  title,
  empty,
  children,
}: {
  title: string;
  /** Said when nothing is recorded yet (omit when the section shows something anyway). */
  empty?: string;
  children?: ReactNode;
}) {
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {empty && <Text mb="sm">{empty}</Text>}
      {children}
    </Card>
  );
}
