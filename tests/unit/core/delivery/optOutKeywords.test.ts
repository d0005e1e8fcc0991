import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYWORDS, keywordOf, parseKeywordList } from '../../../../src/core/delivery/optOutKeywords';

describe('STOP and START words', () => {
  it('hears the whole message, whatever its case, accents and spacing', () => {
    expect(keywordOf('  Stop ')).toBe('stop');
    expect(keywordOf('ARRÊT')).toBe('stop');
    expect(keywordOf('arrêt')).toBe('stop');
    expect(keywordOf('Stop promotions')).toBe('stop');
    expect(keywordOf('stop!')).toBe('stop');
    expect(keywordOf('Start')).toBe('start');
    expect(keywordOf('Démarrer')).toBe('start');
  });

  it('leaves a sentence that contains the word to an agent', () => {
    expect(keywordOf('Please stop sending me this')).toBeUndefined();
    expect(keywordOf('Can I stop my subscription?')).toBeUndefined();
    expect(keywordOf('')).toBeUndefined();
  });

  it('uses the installation words instead of the defaults when it has some', () => {
    const lists = { stop: parseKeywordList('BASTA, fin', DEFAULT_KEYWORDS.stop), start: parseKeywordList('', DEFAULT_KEYWORDS.start) };
    expect(keywordOf('basta', lists)).toBe('stop');
    expect(keywordOf('FIN', lists)).toBe('stop');
    expect(keywordOf('stop', lists)).toBeUndefined();
    expect(keywordOf('start', lists)).toBe('start');
  });
});
