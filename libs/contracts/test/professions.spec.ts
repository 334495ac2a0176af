import {
  DOCTOR_TITLED_PROFESSIONS,
  PHYSICIAN_PROFESSIONS,
  PROFESSION_LABELS_FR,
  PROFESSIONS,
  professionLabelFr,
} from '../src/vocabulary/professions';

describe('the professions vocabulary', () => {
  it.each(PROFESSIONS)('names %s in French', (code) => {
    expect(PROFESSION_LABELS_FR[code]?.trim()).toBeTruthy();
  });

  it('names no profession the directory does not know', () => {
    expect(Object.keys(PROFESSION_LABELS_FR).sort()).toEqual([...PROFESSIONS].sort());
  });

  it('gives each profession its own name, so no two read the same on a page', () => {
    expect(new Set(Object.values(PROFESSION_LABELS_FR)).size).toBe(PROFESSIONS.length);
  });

  it('titles every physician « Dr »', () => {
    expect(DOCTOR_TITLED_PROFESSIONS).toEqual(expect.arrayContaining([...PHYSICIAN_PROFESSIONS]));
  });

  it('reads a profession added after this build as its code', () => {
    expect(professionLabelFr('nurse')).toBe('Infirmier·e');
    expect(professionLabelFr('art_therapist')).toBe('art_therapist');
  });
});
