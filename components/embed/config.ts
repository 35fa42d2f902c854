import { CATALOGUES } from '../seating-chart/messages';
import type { ChartRendererConfigOptions, Pricing as SeatsioPricing, SelectedAmount } from '@seatsio/seatsio-types';
import type { Pricing } from '../../contracts/pricing';

/*
 * The seats.io renderer configuration an integrator's page passes to `new seatsio.SeatingChart(config)`, as far as
 * Tessera's chart.js follows it: which options it reads, and the two forms of `pricing` turned into an event's prices.
 */

export type EmbedConfig = ChartRendererConfigOptions;

/** The options chart.js acts on; any other is named in one console warning and otherwise left alone. */
const SUPPORTED = new Set<keyof EmbedConfig>([
  'divId',
  'container',
  'workspaceKey',
  'event',
  'pricing',
  'priceFormatter',
  'session',
  'holdToken',
  'selectedObjects',
  'maxSelectedObjects',
  'selectionValidators',
  'showLegend',
  'colorScheme',
  'language',
  'messages',
  'onChartRendered',
  'onChartRenderingFailed',
  'onObjectSelected',
  'onObjectDeselected',
  'onSessionInitialized',
  'onHoldTokenExpired',
  'onHoldSucceeded',
  'onHoldFailed',
  'onReleaseHoldSucceeded',
  'onReleaseHoldFailed',
  'onSelectionValid',
  'onSelectionInvalid',
  'onHoldCallsInProgress',
  'onHoldCallsComplete',
  'onSelectedObjectBooked',
  'onSelectedObjectUnavailable',
  'onObjectStatusChanged',
  'objectColor',
  'objectLabel',
  'availableCategories',
  'channels',
  'tooltipInfo',
  'extraConfig',
  'holdTokenInputName',
  'selectedObjectsInputName',
  'mode',
]);

/** Options of the config that chart.js does not act on (each warned about once per page). */
export function unsupportedOptions(config: EmbedConfig): string[] {
  const own = Object.keys(config) as (keyof EmbedConfig)[];
  const unsupported: string[] = own.filter((key) => config[key] !== undefined && !SUPPORTED.has(key));
  if (typeof config.maxSelectedObjects === 'object') unsupported.push('maxSelectedObjects (by category or ticket type)');
  for (const validator of config.selectionValidators ?? []) if (validator.type !== 'noOrphanSeats') unsupported.push(`selectionValidators: ${validator.type}`);
  // seats.io has more languages; the others show English.
  if (config.language && !Object.hasOwn(CATALOGUES, config.language)) unsupported.push(`language: ${config.language}`);
  if (config.mode && config.mode !== 'normal' && config.mode !== 'static') unsupported.push(`mode: ${config.mode}`);
  if (config.session === 'manual' && !config.holdToken) unsupported.push('session: manual without a holdToken');
  // seats.io refuses an empty list; here it would leave nothing choosable.
  if (config.channels?.length === 0) unsupported.push('channels: [] (name a channel, or leave channels out)');
  return unsupported;
}

/** The places to select on render, as labels with an amount (general-admission areas). */
export function selectedAmounts(objects: readonly (string | SelectedAmount)[] | undefined): { label: string; amount: number }[] {
  return (objects ?? []).map((o) => (typeof o === 'string' ? { label: o, amount: 1 } : { label: o.label, amount: o.amount ?? 1 }));
}

/** The price formatter of either pricing form; a plain number without one. */
export function priceFormatter(config: EmbedConfig): (price: number) => string {
  const pricing = config.pricing;
  const formatter = (pricing && !Array.isArray(pricing) ? pricing.priceFormatter : undefined) ?? config.priceFormatter;
  return formatter ?? ((price) => String(price));
}

/**
 * The page's prices as an event's prices (contracts/pricing.ts), to show on places and in the legend: per category one
 * price or ticket types, per object a price of its own. Undefined when the page sets none (the event's own are shown).
 * The currency is ISO 4217's "none" (XXX): the page's formatter writes amounts.
 */
export function pricingOf(pricing: SeatsioPricing | undefined): { pricing: Pricing; ignored: string[] } | undefined {
  if (!pricing) return undefined;
  const entries = Array.isArray(pricing) ? pricing : pricing.prices;
  const prices: Pricing['prices'] = {};
  const objectPrices: Record<string, number> = {};
  const ignored = new Set<string>();
  for (const entry of entries) {
    const amount = 'ticketTypes' in entry ? undefined : entry.price;
    if ('fee' in entry || 'originalPrice' in entry || 'channels' in entry) ignored.add('pricing: fees, original prices and channel prices');
    if ('category' in entry) {
      prices[String(entry.category)] =
        'ticketTypes' in entry
          ? { ticketTypes: entry.ticketTypes.map((t) => ({ ticketType: t.ticketType, price: t.price, ...(t.label ? { label: t.label } : {}) })) }
          : amount!;
    } else if ('objects' in entry) {
      // A place's own price is one amount; of ticket types per object, the first (the default) is shown.
      const price = 'ticketTypes' in entry ? entry.ticketTypes[0]?.price : amount;
      if (price !== undefined) for (const label of entry.objects) objectPrices[label] = price;
    } else ignored.add('pricing: listings');
  }
  return {
    pricing: { currency: 'XXX', prices, ...(Object.keys(objectPrices).length ? { objectPrices } : {}) },
    ignored: [...ignored],
  };
}
