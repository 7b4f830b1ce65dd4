import { describe, expect, it } from 'vitest';
import { documentTerms, queryTerms } from './search-terms.js';

describe('script search terms', () => {
  it('cuts a query into words, dropping punctuation and spaces', () => {
    expect(queryTerms('敏感肌 修护！')).toEqual(['敏感', '肌', '修护']);
    expect(queryTerms('  ，。 ')).toEqual([]);
  });

  it('indexes every word of a text, so a query finds it across segmentations', () => {
    const terms = documentTerms('敏感肌肤也能用的温和洁面');
    for (const q of ['敏感肌', '温和', '洁面']) {
      for (const t of queryTerms(q)) expect(terms.has(t), `${q}: ${t}`).toBe(true);
    }
    expect(terms.has('温和')).toBe(true);
    expect(queryTerms('祛痘').every((t) => terms.has(t))).toBe(false);
  });

  it('counts occurrences and ignores template tags and case', () => {
    const terms = documentTerms('{{contact.name | 亲}}，精华好用，精华不贵 Serum');
    expect(terms.get('精华')).toBe(2);
    expect(terms.has('contact')).toBe(false);
    expect(terms.has('serum')).toBe(true);
  });
});
