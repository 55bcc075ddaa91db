import type { RequestBody } from '@nrm/api-client';

/** A presumed victim as the tests register one through the API (the registration form has its own test). */
export const REGISTRATION: RequestBody<'/api/cases', 'post'> = {
  referralSource: 'labour_inspectorate',
  person: {
    givenName: 'Ileana',
    familyName: 'Vrabie',
    sex: 'female',
    dateOfBirth: '1996-03-02',
    citizenship: 'MD',
  },
  countryOfExploitation: 'DE',
  formsOfExploitation: ['forced_labour'],
};
