import { z } from 'zod';

/*
 * How an event sells: what an anonymous buyer may hold, for how long, and how checkout happens. Stored with the
 * event, set through the API, read by the buyer page. The server enforces every limit; the page only shows them.
 */

/** No hold token lives longer than this from its creation, however often it is extended. */
export const MAX_HOLD_MINUTES = 120;

const CHECKOUT_MODES = ['handoff', 'reservation'] as const;

const minutes = z.number().int().min(1).max(MAX_HOLD_MINUTES);

export const salesSettingsSchema = z
  .object({
    /**
     * `handoff`: the buyer holds, then continues to the venue's `checkoutUrl`, whose server books after payment
     * with the secret key. `reservation`: the buyer books with the hold token alone (free events, box-office demos).
     */
    checkoutMode: z.enum(CHECKOUT_MODES),
    /** The venue's payment page, which receives the hold as a form POST (handoff). */
    checkoutUrl: z
      .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
      .max(2000)
      .nullable(),
    /** Places one hold token may hold on the event; a general-admission place counts as one. */
    maxPlacesPerOrder: z.number().int().min(1).max(100),
    /** How long an anonymous buyer's hold lasts; a buyer may ask for less, never more. */
    holdMinutes: minutes,
    /** How long an anonymous buyer's hold may last in all, extensions included. */
    maxHoldMinutes: minutes,
  })
  .strict();

export type SalesSettings = z.infer<typeof salesSettingsSchema>;

/** What a new event gets where the request says nothing: handoff, which books nothing without the venue's server. */
export const DEFAULT_SALES_SETTINGS: SalesSettings = { checkoutMode: 'handoff', checkoutUrl: null, maxPlacesPerOrder: 10, holdMinutes: 15, maxHoldMinutes: 30 };

/** Settings as a request sends them: any subset, merged over the event's current (or the default) settings. */
export const salesSettingsPatch = salesSettingsSchema.partial();
export type SalesSettingsPatch = z.infer<typeof salesSettingsPatch>;

/** Why merged settings do not hold together, or null. */
export function salesSettingsProblem(settings: SalesSettings): { path: string; message: string } | null {
  if (settings.holdMinutes > settings.maxHoldMinutes) return { path: 'salesSettings.holdMinutes', message: 'must not exceed maxHoldMinutes' };
  return null;
}
