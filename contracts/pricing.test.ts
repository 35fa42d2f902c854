import { describe, expect, it } from 'vitest';
import { objectPrice, priceOf, ticketTypesOf } from './prices';
import { pricingSchema, type Pricing } from './pricing';

const pricing: Pricing = {
  currency: 'EUR',
  prices: {
    '1': 40,
    back: {
      ticketTypes: [
        { ticketType: 'adult', price: 30 },
        { ticketType: 'child', price: 18, label: 'Child (under 12)' },
      ],
    },
  },
  objectPrices: { T3: 150 },
};

describe('prices', () => {
  it('gives a category its one price, or the named ticket type’s, the first being the default', () => {
    expect([priceOf(pricing, '1'), priceOf(pricing, '1', 'child')]).toEqual([40, 40]);
    expect([priceOf(pricing, 'back'), priceOf(pricing, 'back', 'child'), priceOf(pricing, 'back', 'unknown')]).toEqual([30, 18, 30]);
    expect([priceOf(pricing, 'nope'), priceOf(pricing, 'constructor'), priceOf(undefined, '1')]).toEqual([undefined, undefined, undefined]);
    expect(ticketTypesOf(pricing, 'back').map((t) => t.ticketType)).toEqual(['adult', 'child']);
    expect(ticketTypesOf(pricing, '1')).toEqual([]);
  });

  it('prices a table sold whole by its chairs, unless it has a price of its own', () => {
    const table = { label: 'T2', categoryKey: 'back', bookAsAWhole: true as const, seats: ['T2-1', 'T2-2', 'T2-3', 'T2-4'] };
    expect(objectPrice(pricing, table)).toBe(4 * 30);
    expect(objectPrice(pricing, table, 'child')).toBe(4 * 18);
    expect(objectPrice(pricing, { ...table, label: 'T3' })).toBe(150);
    expect(objectPrice(pricing, { label: 'A-1', categoryKey: '1' })).toBe(40);
  });

  it('refuses a category with the same ticket type twice, or none', () => {
    const twice = pricingSchema.safeParse({
      currency: 'EUR',
      prices: {
        '1': {
          ticketTypes: [
            { ticketType: 'adult', price: 1 },
            { ticketType: 'adult', price: 2 },
          ],
        },
      },
    });
    expect(twice.success).toBe(false);
    expect(pricingSchema.safeParse({ currency: 'EUR', prices: { '1': { ticketTypes: [] } } }).success).toBe(false);
  });
});
