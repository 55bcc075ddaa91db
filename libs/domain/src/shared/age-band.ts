import type { AgeBandOrUnknown } from '@nrm/contracts';

/** CTDC age bands (upper bound inclusive), so that statistics match the global dataset. */
const BANDS: readonly [number, AgeBandOrUnknown][] = [
  [8, '0--8'],
  [17, '9--17'],
  [20, '18--20'],
  [23, '21--23'],
  [26, '24--26'],
  [29, '27--29'],
  [38, '30--38'],
  [47, '39--47'],
];

export function ageBandOf(age: number | undefined): AgeBandOrUnknown {
  if (age === undefined || age < 0) return 'unknown';
  return BANDS.find(([upTo]) => age <= upTo)?.[1] ?? '48+';
}
