import { INTENTS } from '../rulebook/rulebook';
import { intentOfMenuChoice, MENU_CHOICES, MENU_PROMPT } from './menu-choice';

describe('the telephony menu', () => {
  it.each([
    ['1', 'book'],
    ['2', 'move'],
    ['3', 'cancel'],
    ['4', 'prescription'],
    ['5', 'results'],
    ['6', 'advice'],
    ['7', 'administrative'],
    ['8', 'information'],
    ['9', 'emergency'],
    ['*', 'colleague'],
    ['0', 'other'],
  ])('key %s means %s', (digit, intent) => {
    expect(intentOfMenuChoice(digit)).toBe(intent);
  });

  it('ignores the closing # and spaces the platform may send', () => {
    expect(intentOfMenuChoice(' 9# ')).toBe('emergency');
  });

  it.each(['', '#', '12', 'a', '99'])('knows no intent for %j', (digits) => {
    expect(intentOfMenuChoice(digits)).toBeUndefined();
  });

  it('offers every intent exactly once, each on its own key', () => {
    expect(MENU_CHOICES.map(({ intent }) => intent).sort()).toEqual([...INTENTS].sort());
    expect(new Set(MENU_CHOICES.map(({ digit }) => digit)).size).toBe(MENU_CHOICES.length);
  });

  it('speaks every key with its meaning, in French (the greeting before it says to dial 15)', () => {
    expect(MENU_PROMPT).toContain('Pour prendre un rendez-vous, tapez 1.');
    expect(MENU_PROMPT).toContain('Pour une urgence, tapez 9.');
    expect(MENU_PROMPT).toContain('Si vous êtes un professionnel de santé, tapez étoile.');
    for (const { meaning } of MENU_CHOICES) expect(MENU_PROMPT).toContain(meaning);
  });
});
