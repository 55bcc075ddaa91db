import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { fieldErrors } from '../api/problems';

/**
 * Puts a 400's field errors next to the fields they name (`person.givenName`); answers the ones no field
 * of the form shows, for the summary at the top.
 */
export function applyServerFieldErrors<Values extends FieldValues>(
  error: unknown,
  fields: readonly string[],
  setError: UseFormSetError<Values>,
): { field: string; message: string }[] {
  const unplaced: { field: string; message: string }[] = [];
  for (const item of fieldErrors(error)) {
    if (fields.includes(item.field))
      setError(item.field as Path<Values>, { type: 'server', message: item.message });
    else unplaced.push(item);
  }
  return unplaced;
}
