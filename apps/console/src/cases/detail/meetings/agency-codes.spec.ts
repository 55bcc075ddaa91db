import { agencyCodes } from './agency-codes';

describe('the participating agencies a meeting form sends', () => {
  it('splits the typed codes on commas, semicolons and white space, each once, in the order typed', () => {
    expect(agencyCodes({ agencies: ' police-md, shelter-ngo-2;police-md\ndmt-1 ' }, 'agencies')).toEqual([
      'police-md',
      'shelter-ngo-2',
      'dmt-1',
    ]);
  });

  it('sends none for an empty field (the API then answers 400 beside it)', () => {
    expect(agencyCodes({ agencies: '  ' }, 'agencies')).toEqual([]);
    expect(agencyCodes({}, 'agencies')).toEqual([]);
  });
});
