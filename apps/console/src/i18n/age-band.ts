/** CTDC's age bands are written "21--23"; people read "21–23" (an en dash). */
export function ageBandText(band: string): string {
  return band.replace('--', '–');
}
