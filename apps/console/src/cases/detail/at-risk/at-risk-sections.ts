import type { Schema } from '@nrm/api-client';

/**
 * Sections of steps for presumed victims only (the API refuses them with not-a-presumed-victim on a
 * person at risk's case until it is converted), by the component name the phase tabs key them with.
 */
const PRESUMED_VICTIM_ONLY = new Set([
  'IdentificationSection',
  'ReflectionExtensionSection',
  'ReturnRequestSection',
  'ReturnRiskSection',
  'HandoversSection',
  'ReintegrationPlanSection',
  'ReintegrationProgressSection',
]);

/** Whether the phase tabs show this section (or tab) for the case: people at risk get no presumed-victim step. */
export const shownForKind = (view: Pick<Schema<'CaseView'>, 'kind'>, section: string): boolean =>
  view.kind !== 'person_at_risk' || (!PRESUMED_VICTIM_ONLY.has(section) && section !== 'prosecution');
