import type { Schema } from '@nrm/api-client';
import type { TFunction } from 'i18next';

export type FamilyMember = Schema<'FamilyMemberCaseView'>;

/** The members linked to the case, in the order they were linked. */
export const membersOf = (view: Schema<'CaseView'>): FamilyMember[] => view.family?.members ?? [];

/**
 * How a member is named on the case page, which reads the case without anyone's personal data: by
 * their place in the family and their relation ("Member 1: child").
 */
export function memberLabel(t: TFunction, members: readonly FamilyMember[], memberId: string): string {
  const index = members.findIndex((m) => m.memberId === memberId);
  const member = members[index];
  if (!member) return memberId.slice(0, 8);
  return t('family.memberLabel', { n: index + 1, relation: t(`family.relations.${member.relation}`) });
}

/** Select options naming the given members. */
export const memberOptions = (t: TFunction, members: readonly FamilyMember[], chosen = members) =>
  chosen.map((m) => ({ value: m.memberId, label: memberLabel(t, members, m.memberId) }));

/** A CTDC age band as people read it: "0--8" as "0–8". */
export const ageBandText = (band: string): string => band.replace('--', '–');

/** The id a select of the form chose ('' when none: the form requires one before it sends). */
export function chosenId(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : '';
}
