// Chinese word segmentation for script search (jieba). Documents are indexed with every dictionary word
// found anywhere in them (jieba's "all" mode, which also yields single characters); a query is cut in
// precise mode, so each of its words is in the index of any text containing it, even where the
// text's own best segmentation differs ("敏感肌" in "敏感肌肤").
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;
// Loading the dictionary takes a few hundred milliseconds: only when first needed.
const segmenter = () => (jieba ??= Jieba.withDict(dict));

const WORDISH = /[\p{L}\p{N}]/u;
// Template tags are markup, not words of the message.
const TAG = /\{\{[^}]*\}\}/g;

const clean = (tokens: string[]) =>
  tokens.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0 && WORDISH.test(t));

/** Term → occurrences, for the index. */
export function documentTerms(text: string): Map<string, number> {
  const terms = new Map<string, number>();
  for (const t of clean(segmenter().cutAll(text.replace(TAG, ' ')))) terms.set(t, (terms.get(t) ?? 0) + 1);
  return terms;
}

/** The distinct words of a search query. */
export function queryTerms(q: string): string[] {
  return [...new Set(clean(segmenter().cut(q, false)))];
}
