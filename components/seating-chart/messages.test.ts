import { describe, expect, it } from 'vitest';
import { CATALOGUES, messagesFor } from './messages';

describe('messages', () => {
  const english = CATALOGUES.en!;
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('has every message in every language, with the same values to fill in', () => {
    for (const [language, catalogue] of Object.entries(CATALOGUES)) {
      expect(Object.keys(catalogue).sort(), language).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(english[key as keyof typeof english]));
      }
    }
  });

  it('fills in values, and leaves a value it was not given as it is written', () => {
    const { t } = messagesFor('de');
    expect(t('placesLeft', { count: 3 })).toBe('noch 3 Plätze');
    expect(t('sectionLabel', { section: 'Block A' })).toBe('Block A: {count} Plätze verfügbar. Zum Vergrößern die Eingabetaste drücken.');
  });

  it("takes an integrator's messages over its own, and translates the chart's own texts by their text", () => {
    const m = messagesFor('fr', { selected: 'choisie', 'Section A': 'Bloc A', constructor: 'x' });
    expect(m.t('selected')).toBe('choisie');
    expect(m.t('soldOut')).toBe('complet');
    expect(m.text('Section A')).toBe('Bloc A');
    expect(m.text('Section B')).toBe('Section B');
    // Chart texts are anyone's strings: a text called `toString` is not a method of a map.
    expect(messagesFor('en').text('toString')).toBe('toString');
  });

  it('speaks English for a language it does not have', () => {
    expect(messagesFor('ja').t('soldOut')).toBe('sold out');
  });
});
