import { useMutation } from '@tanstack/react-query';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { eventProofFileName, saveProof } from './proof-files';

/** Fetches an event's inclusion proof and saves it as the node answered it (what nrm-verify reads). */
export function useEventProof() {
  return useMutation({
    mutationFn: async (request: { position: number; treeSize?: number }) => {
      const answer = await data(
        nrm.GET('/api/audit/events/{position}/proof', {
          params: { path: { position: request.position }, query: { treeSize: request.treeSize } },
        }),
      );
      const fileName = eventProofFileName(request.position);
      saveProof(answer, fileName);
      return { answer, fileName };
    },
  });
}
