import { shownForKind } from './at-risk-sections';

describe('the sections a person at risk’s case shows', () => {
  it('hides the presumed-victim steps and the prosecution tab until the conversion', () => {
    const atRisk = { kind: 'person_at_risk' } as const;
    for (const hidden of [
      'IdentificationSection',
      'ReflectionExtensionSection',
      'HandoversSection',
      'prosecution',
    ])
      expect(shownForKind(atRisk, hidden)).toBe(false);
    for (const shown of [
      'ConsentsSection',
      'GuardianSection',
      'AssistancePlanSection',
      'MonitoringSection',
      'AsylumSection',
    ])
      expect(shownForKind(atRisk, shown)).toBe(true);
  });

  it('shows everything on a presumed victim’s case, converted ones included', () => {
    const victim = { kind: 'presumed_victim' } as const;
    for (const section of ['IdentificationSection', 'HandoversSection', 'prosecution'])
      expect(shownForKind(victim, section)).toBe(true);
  });
});
