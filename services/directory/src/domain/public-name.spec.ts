import { publicDisplayName } from './public-name';

describe('how a professional is named to patients', () => {
  it('calls physicians, dentists and pharmacists « Dr », as the Annuaire santé does', () => {
    expect(publicDisplayName({ firstName: 'Yann', lastName: 'Le Gall', profession: 'general_practitioner' })).toBe(
      'Dr Yann Le Gall',
    );
    expect(publicDisplayName({ firstName: 'Anne', lastName: 'Morel', profession: 'specialist_physician' })).toBe(
      'Dr Anne Morel',
    );
    expect(publicDisplayName({ firstName: 'Paul', lastName: 'Roux', profession: 'dentist' })).toBe('Dr Paul Roux');
    expect(publicDisplayName({ firstName: 'Julien', lastName: 'Hamon', profession: 'pharmacist' })).toBe(
      'Dr Julien Hamon',
    );
  });

  it('names the other professions without a title', () => {
    expect(publicDisplayName({ firstName: 'Gwenaëlle', lastName: 'Riou', profession: 'nurse' })).toBe('Gwenaëlle Riou');
    expect(publicDisplayName({ firstName: 'Anaïs', lastName: 'Perrin', profession: 'midwife' })).toBe('Anaïs Perrin');
    expect(publicDisplayName({ firstName: ' Erwan ', lastName: 'Lucas ', profession: 'physiotherapist' })).toBe(
      'Erwan Lucas',
    );
  });
});
