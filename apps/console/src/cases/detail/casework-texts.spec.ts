import { ENUM_VALUES } from '@nrm/api-client';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

type Tree = { [key: string]: string | Tree };
const english = JSON.parse(readFileSync(join(__dirname, '../../i18n/locales/en/casework.json'), 'utf8')) as {
  casework: Tree;
};

function has(path: string): boolean {
  let node: string | Tree = english;
  for (const part of path.split('.')) {
    if (typeof node === 'string' || !(part in node)) return false;
    node = node[part];
  }
  return typeof node === 'string';
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the case page names every value it shows or offers', () => {
  // Each group of the case page's texts, with the values of the API it names (kinds of messages
  // are keyed with "_" for "." and "-", which i18next reads as separators).
  const NAMED: [string, readonly string[]][] = [
    ['ageMethods', ENUM_VALUES['AgeAssessmentDto.method']],
    ['serviceKinds', [...ENUM_VALUES['ServiceLineDto.kind'], ...ENUM_VALUES['NeedsAssessmentDto.needs']]],
    ['riskKinds', ENUM_VALUES['RiskAssessmentDto.kind']],
    ['riskLevels', ENUM_VALUES['RiskAssessmentDto.level']],
    ['serviceStatus', ENUM_VALUES.ServiceStatus],
    ['serviceDeclineReasons', ENUM_VALUES['ServiceDeclineDto.reason']],
    ['handoverStatus', ENUM_VALUES.HandoverStatus],
    ['handoverDeclineReasons', ENUM_VALUES['HandoverDeclineDto.reason']],
    ['handoverDirections', ENUM_VALUES['HandoverView.direction']],
    ['directions', ENUM_VALUES['HandoverMessage.direction']],
    ['sides', ENUM_VALUES.HandoverSideName],
    ['messageKinds', [...ENUM_VALUES.TrmMessageKind, 'any'].map((kind) => kind.replace(/[.-]/g, '_'))],
    [
      'progressStatus',
      [...ENUM_VALUES['ReintegrationProgressDto.status'], ...ENUM_VALUES['MonitoringDto.status']],
    ],
    ['asylumStatus', ['pending', ...ENUM_VALUES['AsylumClosureDto.outcome']]],
    ['statedBy', ENUM_VALUES['ReturnRequestDto.statedBy']],
    ['closureReasons', ENUM_VALUES['ClosureDto.reason']],
    ['compensationAgainst', ENUM_VALUES['CompensationClaimDto.against']],
    ['lawEnforcementKinds', ENUM_VALUES['LawEnforcementRequestDto.kind']],
    ['lawEnforcementOutcomes', ENUM_VALUES['LawEnforcementAnswerDto.outcome']],
    [
      'measureKinds',
      [...ENUM_VALUES['ProtectiveMeasuresDto.measures'], ...ENUM_VALUES['HearingDto.protectiveMeasures']],
    ],
    ['nonPunishmentBases', ENUM_VALUES['NonPunishmentDto.basis']],
  ];
  it.each(NAMED)('every value of %s has a name in English', (group, values) => {
    expect(values.filter((value) => !has(`casework.${group}.${value}`))).toEqual([]);
  });

  it('every fixed text key the case page asks for exists', () => {
    const asked = sources(__dirname).flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/'(casework\.[A-Za-z.]+)'/g)].map((match) => match[1]),
    );
    expect(asked.length).toBeGreaterThan(100);
    // A group passed to options() names its values (checked above), not a text.
    const groups = new Set(NAMED.map(([group]) => `casework.${group}`));
    expect(asked.filter((key) => !groups.has(key) && !has(key))).toEqual([]);
  });
});
