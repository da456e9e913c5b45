import { searchWords } from './search-words';

describe('searchWords', () => {
  it('keeps only letters and digits, lower-cased', () => {
    expect(searchWords(`  Lapt&op's:* | !4K`)).toEqual(['lapt', 'op', 's', '4k']);
  });

  it('keeps non-ASCII letters', () => {
    expect(searchWords('Crème brûlée')).toEqual(['crème', 'brûlée']);
  });

  it('yields nothing for blank or punctuation-only queries', () => {
    expect(searchWords(undefined)).toEqual([]);
    expect(searchWords(' !! ')).toEqual([]);
  });

  it('bounds the number of words and drops repeats', () => {
    expect(searchWords('a a b c d e f g h i j')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });
});
