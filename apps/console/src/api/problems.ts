import { apiError, NrmApiError, type ApiResult } from '@nrm/api-client';

/** The data of a successful answer, or throws the answer's problem as NrmApiError (for TanStack Query). */
export async function data<Data, Err>(pending: Promise<ApiResult<Data, Err>>): Promise<Data> {
  const result = await pending;
  if (!result.response.ok) throw apiError(result);
  return result.data as Data;
}

/** A request that never got an answer (the node is unreachable). */
export const isNetworkError = (error: unknown): boolean => error instanceof TypeError;

export const asApiError = (error: unknown): NrmApiError | undefined =>
  error instanceof NrmApiError ? error : undefined;

/** The field errors of a 400, keyed by the field path the API names (person.givenName...). */
export function fieldErrors(error: unknown): { field: string; message: string }[] {
  const problem = asApiError(error)?.problem;
  return problem && 'errors' in problem ? problem.errors : [];
}
