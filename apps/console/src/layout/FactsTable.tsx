import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** What is recorded, one fact per row (row headers name it). */
export function FactsTable({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <Table mb="sm">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w="40%">
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
