import { priceOf, type Pricing } from '../../contracts/pricing';

export type PriceBook = {
  priceOf: (categoryKey: string | undefined) => string | undefined;
  amountOf: (categoryKey: string | undefined) => number | undefined;
  format: (amount: number) => string;
};

/** Prices of an event's categories, formatted in its currency. */
export function priceBook(pricing: Pricing | undefined): PriceBook {
  const formatter = pricing
    ? new Intl.NumberFormat('en-IE', { style: 'currency', currency: pricing.currency, minimumFractionDigits: 0, maximumFractionDigits: 2 })
    : undefined;
  const amountOf = (key: string | undefined) => priceOf(pricing, key);
  return {
    amountOf,
    priceOf: (key) => {
      const amount = amountOf(key);
      return amount !== undefined && formatter ? formatter.format(amount) : undefined;
    },
    format: (amount) => formatter?.format(amount) ?? String(amount),
  };
}

export function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
