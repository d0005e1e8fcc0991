import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDeliveryEvent, deliveryStateOf, totalsOf, type DeliveryEvent, type RecipientDelivery } from '../../../../src/core/delivery/deliveryState';

function apply(events: DeliveryEvent[]): RecipientDelivery {
  return events.reduce<RecipientDelivery>((current, event) => applyDeliveryEvent(current, event), {});
}

const eventArbitrary: fc.Arbitrary<DeliveryEvent> = fc.oneof(
  fc.record({ kind: fc.constant('delivered' as const), at: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('read' as const), at: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('failed' as const), at: fc.integer({ min: 0, max: 100 }), code: fc.constantFrom('131026', '131049', '131050') }),
  fc.record({ kind: fc.constant('replied' as const), at: fc.integer({ min: 0, max: 100 }), optOut: fc.boolean() }),
  fc.record({ kind: fc.constant('opted-out' as const), at: fc.integer({ min: 0, max: 100 }) }),
);

describe('what was heard about a message', () => {
  it('ends in the same state whatever the order and however many times each event arrives', () => {
    fc.assert(
      fc.property(fc.array(eventArbitrary, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 8 }), (events, picks) => {
        const duplicated = [...events, ...picks.map((pick) => events[pick % events.length]!)];
        const shuffled = [...duplicated].reverse();
        expect(apply(shuffled)).toEqual(apply(events));
      }),
    );
  });

  it('reads a read as delivered, and a reply as delivered but not read', () => {
    expect(deliveryStateOf(apply([{ kind: 'read', at: 5 }]))).toBe('read');
    expect(deliveryStateOf(apply([{ kind: 'replied', at: 5 }]))).toBe('delivered');
    expect(deliveryStateOf({})).toBe('accepted');
  });

  it('keeps a failure the channel reported after the delivery, and a delivery reported after a failure', () => {
    expect(deliveryStateOf(apply([{ kind: 'failed', at: 20, code: '131049' }, { kind: 'delivered', at: 10 }]))).toBe('failed');
    expect(deliveryStateOf(apply([{ kind: 'delivered', at: 30 }, { kind: 'failed', at: 20, code: '131049' }]))).toBe('delivered');
  });

  it('does not call a failed message read when the customer reads the conversation', () => {
    expect(deliveryStateOf(apply([{ kind: 'failed', at: 10, code: '131026' }, { kind: 'read', at: 50 }]))).toBe('failed');
  });

  it('keeps the first failure and its code', () => {
    const delivery = apply([{ kind: 'failed', at: 30, code: '131049' }, { kind: 'failed', at: 10, code: '131026' }]);
    expect(delivery).toMatchObject({ failedAt: 10, code: '131026' });
  });

  it('counts a funnel in which every read message is also delivered', () => {
    const totals = totalsOf(
      [
        apply([{ kind: 'delivered', at: 1 }]),
        apply([{ kind: 'read', at: 2 }]),
        apply([{ kind: 'delivered', at: 1 }, { kind: 'replied', at: 3, optOut: true }]),
        apply([{ kind: 'failed', at: 1, code: '131026' }]),
        apply([{ kind: 'failed', at: 1, code: '131026' }]),
        {},
      ],
      99,
    );
    expect(totals).toEqual({ heard: 6, delivered: 3, read: 1, replied: 1, optedOut: 1, failed: { '131026': 2 }, heardAt: 99 });
  });
});
