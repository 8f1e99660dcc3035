import { AllocateDto, CreateApplicationDto, ReviewDto } from '../modules/applications/dto/application.dto.js';
import { checkedForm } from './forms.js';

describe('a page’s form checked by the API’s DTO', () => {
  const application = (requestedAreaM2: unknown) => ({
    groupName: 'Oostblok',
    plan: 'Open ateliers',
    preferredFloorIds: ['00000000-0000-4000-8000-000000000000'],
    members: [{ name: 'Anneke', email: 'anneke@test.example', discipline: 'design', requestedAreaM2 }],
  });

  it('says what is wrong in Dutch on a Dutch page, with the bound and never the field’s name', async () => {
    expect((await checkedForm('nl', ReviewDto, { score: 11 })).errors).toEqual([{ field: 'score', message: 'Hoogstens 10.' }]);
    expect((await checkedForm('nl', ReviewDto, { score: 0 })).errors).toEqual([{ field: 'score', message: 'Minstens 1.' }]);
    expect((await checkedForm('nl', ReviewDto, {})).errors).toEqual([{ field: 'score', message: 'Vul dit in.' }]);
    expect((await checkedForm('nl', AllocateDto, { floorId: 'vloer' })).errors).toEqual([
      { field: 'floorId', message: 'Kies een van de mogelijkheden.' },
    ]);
    // The 2 of requestedAreaM2 is no bound; the bound is the 2 decimals, and a too small area says its minimum.
    expect((await checkedForm('nl', CreateApplicationDto, application(Number.NaN))).errors).toEqual([
      { field: 'members.0.requestedAreaM2', message: 'Vul een getal in met hoogstens 2 cijfers achter de komma.' },
    ]);
    expect((await checkedForm('nl', CreateApplicationDto, application(0.5))).errors).toEqual([
      { field: 'members.0.requestedAreaM2', message: 'Minstens 1.' },
    ]);
  });

  it('says the same in English on an English page', async () => {
    expect((await checkedForm('en', ReviewDto, { score: 11 })).errors).toEqual([{ field: 'score', message: 'At most 10.' }]);
    expect((await checkedForm('en', ReviewDto, {})).errors).toEqual([{ field: 'score', message: 'Fill this in.' }]);
  });

  it('keeps a check it has no message for: in English as the DTO words it, in Dutch as a plain refusal', async () => {
    const postcode = { ...application(30), members: [{ ...application(30).members[0], postcode: '12345' }] };
    expect((await checkedForm('en', CreateApplicationDto, postcode)).errors).toEqual([
      { field: 'members.0.postcode', message: 'postcode must be a Dutch postcode such as 1091 GR' },
    ]);
    expect((await checkedForm('nl', CreateApplicationDto, postcode)).errors).toEqual([
      { field: 'members.0.postcode', message: 'Deze waarde klopt niet.' },
    ]);
  });

  it('accepts a good form', async () => {
    expect(await checkedForm('nl', ReviewDto, { score: 7 })).toMatchObject({ errors: null, value: { score: 7 } });
  });
});
