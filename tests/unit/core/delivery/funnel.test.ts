import { describe, expect, it } from 'vitest';
import { deliveryFunnel, laterFailuresByCode } from '../../../../src/core/delivery/funnel';

describe('deliveryFunnel', () => {
  it('gives each step its count and its share of the messages Sunshine accepted', () => {
    expect(deliveryFunnel(200, { delivered: 150, read: 90, replied: 12 })).toEqual([
      { step: 'accepted', count: 200, rate: 1 },
      { step: 'delivered', count: 150, rate: 0.75 },
      { step: 'read', count: 90, rate: 0.45 },
      { step: 'replied', count: 12, rate: 0.06 },
    ]);
  });

  it('never reads over 100 % when what was heard runs ahead of the accepted count, and has no share of nothing', () => {
    expect(deliveryFunnel(10, { delivered: 12, read: 0, replied: 0 })[1]).toEqual({ step: 'delivered', count: 12, rate: 1 });
    expect(deliveryFunnel(0, { delivered: 0, read: 0, replied: 0 }).map((figure) => figure.rate)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('laterFailuresByCode', () => {
  it('lists the codes heard, the most frequent first, each with what it means', () => {
    expect(laterFailuresByCode({ failed: { '131049': 3, '131026': 7, '999999': 3, '131050': 0 } })).toEqual([
      { code: '131026', count: 7, kind: 'not-on-whatsapp' },
      { code: '131049', count: 3, kind: 'marketing-cap' },
      { code: '999999', count: 3, kind: 'unknown' },
    ]);
  });
});
