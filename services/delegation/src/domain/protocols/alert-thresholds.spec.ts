import { foldText, hitKinds, thresholdHits } from './alert-thresholds';

const thresholds = {
  categories: ['results'],
  flags: ['abnormal_result'],
  keywords: ['saignement', 'douleur thoracique', 'sang'],
};

describe('alert thresholds', () => {
  it('finds a keyword whatever its accents, case and punctuation', () => {
    const hits = thresholdHits(thresholds, {
      categories: [],
      flags: [],
      texts: ['Patiente rappelée : SAIGNEMENT depuis hier !'],
    });
    expect(hits).toEqual([{ kind: 'keyword', entry: 'saignement' }]);
  });

  it('matches phrases as whole words only', () => {
    expect(thresholdHits(thresholds, { categories: [], flags: [], texts: ['bilan sanguin normal'] })).toEqual([]);
    expect(
      thresholdHits(thresholds, { categories: [], flags: [], texts: ['se plaint d’une Douleur  thoracique'] }),
    ).toEqual([{ kind: 'keyword', entry: 'douleur thoracique' }]);
  });

  it('hits on a category the task was made with and on a flag the delegate raised', () => {
    const hits = thresholdHits(thresholds, { categories: ['results'], flags: ['abnormal_result'], texts: [] });
    expect(hitKinds(hits)).toEqual(['category', 'flag']);
  });

  it('finds nothing in an ordinary report', () => {
    expect(thresholdHits(thresholds, { categories: ['prescription'], flags: [], texts: ['Ordonnance prête'] })).toEqual(
      [],
    );
  });

  it('folds French text to bare words', () => {
    expect(foldText('  Fièvre à 40° — Œdème ! ')).toBe('fievre a 40 œdeme');
  });
});
