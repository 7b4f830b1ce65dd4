import { describe, expect, it } from 'vitest';
import { readIdList } from './read-id-list.js';

describe('readIdList', () => {
  it('reads one id per line, skipping a header, blanks, quotes and other columns', () => {
    const text = '\uFEFFexternal_id,name\r\nu1,Li\r\n\r\n"u,2"\n  u3  \n"u""4"\n';
    expect(readIdList(text)).toEqual(['u1', 'u,2', 'u3', 'u"4']);
  });

  it('keeps a first line that is an id', () => {
    expect(readIdList('a\nb')).toEqual(['a', 'b']);
  });
});
