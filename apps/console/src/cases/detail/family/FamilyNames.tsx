import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../common/ListTable';
import { memberLabel } from './family-members';

/**
 * The family members' names, shown with the person's once the user stated a purpose (the same read, the
 * same access-log record): each member's own data, or "erased" where that member was erased.
 */
export function FamilyNames({ family }: { family?: Schema<'FamilyCaseView'> }) {
  const { t } = useTranslation();
  const members = family?.members ?? [];
  if (members.length === 0) return null;
  const erased = t('family.erased');
  return (
    <ListTable
      caption={t('family.names')}
      headers={[
        t('family.member'),
        t('person.givenName'),
        t('person.familyName'),
        t('person.dateOfBirth'),
        t('family.guardianName'),
      ]}
      rows={members.map((m) => {
        const person = m.person && !('erased' in m.person) ? m.person : undefined;
        const named = (value?: string) => (m.person && 'erased' in m.person ? erased : (value ?? '—'));
        const guardian = m.guardian?.name;
        return {
          key: m.memberId,
          cells: [
            memberLabel(t, members, m.memberId),
            named(person?.givenName),
            named(person?.familyName),
            named(person?.dateOfBirth),
            guardian === undefined ? '—' : typeof guardian === 'string' ? guardian : erased,
          ],
        };
      })}
    />
  );
}
