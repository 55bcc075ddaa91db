import { randomUUID } from 'node:crypto';
import { openNodeAdapters } from '@nrm/application/infrastructure/node-adapters';
import { subjectIdOfCase } from '@nrm/application/cases/case-repository';
import { EventWriter } from '@nrm/application/log/event-writer';
import { systemClock } from '@nrm/config/clock';
import type { NodeConfig } from '@nrm/config/node-config';
import { PersonalDataCipher } from '@nrm/privacy';

export interface SeededRegistration {
  at: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  citizenship: string;
}

/**
 * Registrations recorded in the past (a closed year), written to a stopped node's log through the
 * node's own EventWriter (contract checked, as the API writes them), its personal part encrypted as the API would.
 */
export async function seedRegistrations(
  config: NodeConfig,
  registrations: SeededRegistration[],
): Promise<void> {
  const adapters = await openNodeAdapters(config);
  try {
    const writer = new EventWriter(
      adapters.eventStore,
      new PersonalDataCipher(adapters.keyStore),
      systemClock,
      config,
    );
    for (const r of registrations) {
      const caseId = randomUUID();
      const data = {
        caseId,
        referralSource: 'ngo',
        countryOfExploitation: 'DE',
        formsOfExploitation: ['forced_labour'],
        indicators: ['ILO-04'],
        meansOfControl: [],
        sex: r.sex,
        citizenship: r.citizenship,
        ageBand: '21--23',
        ageUncertain: false,
        presumedMinor: false,
        registeredAt: r.at,
      };
      await writer.append(
        `case-${caseId}`,
        [{ type: 'PresumedVictimRegistered', data, personal: { givenName: 'Seeded', familyName: 'Person' } }],
        'no_stream',
        {
          actor: { userId: 'seed', role: 'identification_officer', agency: 'national-nrm-office' },
          correlationId: randomUUID(),
          occurredAt: r.at,
          subjectId: subjectIdOfCase(caseId),
        },
      );
    }
  } finally {
    await adapters.close();
  }
}

/** The last closed year, the latest the statistics publish. */
export const LAST_YEAR = new Date().getUTCFullYear() - 1;

/** `count` registrations in the first quarter of LAST_YEAR, of one sex and citizenship. */
export const earlyLastYear = (
  count: number,
  sex: 'female' | 'male',
  citizenship = 'MD',
): SeededRegistration[] =>
  Array.from({ length: count }, (_, i) => ({
    at: `${LAST_YEAR}-02-${String(1 + i).padStart(2, '0')}T10:00:00.000Z`,
    sex,
    citizenship,
  }));
