import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../../access/can';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { useUser } from '../../session/session-store';

/** The node's districts (every signed-in operator may read them: forms offer them). */
export function useDistricts() {
  const { role } = useUser();
  return useQuery({
    queryKey: ['organisation', 'districts'],
    queryFn: () => data(nrm.GET('/api/organisation/districts')),
    enabled: can(role, 'GET /api/organisation/districts'),
  });
}

/** The node's agencies, deactivated ones included. */
export function useAgencies() {
  const { role } = useUser();
  return useQuery({
    queryKey: ['organisation', 'agencies'],
    queryFn: () => data(nrm.GET('/api/organisation/agencies')),
    enabled: can(role, 'GET /api/organisation/agencies'),
  });
}

export function useTeams() {
  const { role } = useUser();
  return useQuery({
    queryKey: ['organisation', 'teams'],
    queryFn: () => data(nrm.GET('/api/organisation/teams')),
    enabled: can(role, 'GET /api/organisation/teams'),
  });
}

/** Options for a select of districts: "name (code)", valued by code. */
export function useDistrictOptions(): { value: string; label: string }[] {
  return (useDistricts().data?.items ?? []).map((d) => ({ value: d.code, label: `${d.name} (${d.code})` }));
}

/** Options for a select of agencies: the active ones (the only ones users, teams and cases may name). */
export function useAgencyOptions(): { value: string; label: string }[] {
  return (useAgencies().data?.items ?? [])
    .filter((a) => a.active)
    .map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }));
}

/** A change to the registries; on success every list of them is fetched again. */
export function useOrganisationCommand<Body, Answer>(send: (body: Body) => Promise<Answer>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['organisation'] }),
  });
}
