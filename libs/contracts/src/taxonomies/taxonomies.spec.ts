import {
  AGE_BANDS,
  CLOSURE_REASONS,
  COUNTRY_CODES,
  FORMS_OF_EXPLOITATION,
  isCountryCode,
  MEANS_OF_CONTROL,
} from '.';

describe('taxonomies', () => {
  it('holds the 249 ISO 3166-1 alpha-2 codes, upper case only', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect(['MD', 'DE', 'RO', 'UA', 'SS', 'XK'].map(isCountryCode)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(['md', 'MDA', '', 42, undefined].map(isCountryCode)).toEqual([false, false, false, false, false]);
  });

  it('keeps CTDC codes the statistics rely on', () => {
    expect(AGE_BANDS).toEqual([
      '0--8',
      '9--17',
      '18--20',
      '21--23',
      '24--26',
      '27--29',
      '30--38',
      '39--47',
      '48+',
    ]);
    expect(MEANS_OF_CONTROL).toHaveLength(16);
    expect(FORMS_OF_EXPLOITATION).toContain('exploitation_of_surrogacy');
    expect(CLOSURE_REASONS).toContain('non_cooperation');
  });
});
