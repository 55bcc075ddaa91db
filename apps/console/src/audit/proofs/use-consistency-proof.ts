import { useMutation } from '@tanstack/react-query';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { consistencyFileName, saveProof } from './proof-files';

/** Fetches the proof that the log of size `from` is a prefix of the one of size `to`, and saves it. */
export function useConsistencyProof() {
  return useMutation({
    mutationFn: async (request: { from: number; to?: number }) => {
      const answer = await data(
        nrm.GET('/api/audit/consistency', { params: { query: { from: request.from, to: request.to } } }),
      );
      const fileName = consistencyFileName(answer.from.size, answer.to.size);
      saveProof(answer, fileName);
      return { answer, fileName };
    },
  });
}
