import { describe, expect, it } from 'vitest';
import { priceFormatter, pricingOf, selectedAmounts, unsupportedOptions } from './config';

/* What chart.js makes of a seats.io renderer config: which options it names as unsupported, and the page's prices. */

describe('pricing', () => {
  it("reads both forms into an event's prices: categories, ticket types and objects", () => {
    const array = [
      { category: 1, price: 30 },
      {
        category: 'balcony',
        ticketTypes: [
          { ticketType: 'adult', price: 20, label: 'Adult' },
          { ticketType: 'child', price: 10 },
        ],
      },
      { objects: ['T1', 'T2'], price: 200 },
    ];
    const expected = {
      pricing: {
        currency: 'XXX',
        prices: {
          '1': 30,
          balcony: {
            ticketTypes: [
              { ticketType: 'adult', price: 20, label: 'Adult' },
              { ticketType: 'child', price: 10 },
            ],
          },
        },
        objectPrices: { T1: 200, T2: 200 },
      },
      ignored: [],
    };
    expect(pricingOf(array)).toEqual(expected);
    expect(pricingOf({ prices: array, priceFormatter: (p) => `${p}` })).toEqual(expected);
    expect(pricingOf(undefined)).toBeUndefined();
  });

  it('names what it does not show: fees, channel prices, listings', () => {
    expect(
      pricingOf({
        prices: [
          { category: 1, price: 30, fee: 2 },
          { listing: 'l1', price: 5 },
        ],
      })?.ignored,
    ).toEqual(['pricing: fees, original prices and channel prices', 'pricing: listings']);
  });

  it('formats with the formatter of either form, else the bare number', () => {
    expect(priceFormatter({ workspaceKey: 'w', priceFormatter: (p) => `€${p}` })(5)).toBe('€5');
    expect(priceFormatter({ workspaceKey: 'w', pricing: { prices: [], priceFormatter: (p) => `${p} kr` } })(5)).toBe('5 kr');
    expect(priceFormatter({ workspaceKey: 'w' })(5)).toBe('5');
  });
});

describe('options', () => {
  it('names every option chart.js does not act on, and unsupported values of those it does', () => {
    expect(
      unsupportedOptions({
        workspaceKey: 'w',
        event: 'e',
        session: 'manual',
        showLegend: true,
        channels: [],
        objectIcon: () => 'x',
        language: 'ja',
        mode: 'print',
        maxSelectedObjects: [{ category: 1, quantity: 2 }],
        selectionValidators: [{ type: 'noOrphanSeats' }, { type: 'consecutiveSeats' }],
      }),
    ).toEqual([
      'objectIcon',
      'maxSelectedObjects (by category or ticket type)',
      'selectionValidators: consecutiveSeats',
      'language: ja',
      'mode: print',
      'session: manual without a holdToken',
      'channels: [] (name a channel, or leave channels out)',
    ]);
    expect(
      unsupportedOptions({
        workspaceKey: 'w',
        event: 'e',
        session: 'start',
        onObjectSelected: () => undefined,
        holdTokenInputName: 'token',
        channels: ['vip'],
      }),
    ).toEqual([]);
    expect(unsupportedOptions({ workspaceKey: 'w', event: 'e', language: 'de', messages: { 'Section A': 'Block A' } })).toEqual([]);
  });

  it('reads selected objects as labels with an amount', () => {
    expect(selectedAmounts(['A-1', { label: 'GA1', amount: 3 }, { label: 'A-2', ticketType: 'adult' }])).toEqual([
      { label: 'A-1', amount: 1 },
      { label: 'GA1', amount: 3 },
      { label: 'A-2', amount: 1 },
    ]);
  });
});
