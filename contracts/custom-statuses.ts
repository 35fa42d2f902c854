import { z } from 'zod';
import { BOOKED, FREE, HELD, NOT_FOR_SALE } from './statuses';

/*
 * The custom statuses an event offers its box office (Tessera's extension): each with the name its legend shows and
 * its colour on the organisers' plan. Integrators may still set any custom status through the API; these are the
 * ones the box office picks from, and statuses not listed are shown by their own name.
 */

/** A venue's own status, such as `blocked`: not one of the statuses the booking rules give meaning to. */
export const customStatus = z
  .string()
  .regex(/^[A-Za-z][\w-]{0,49}$/, 'letters, digits, - and _, starting with a letter')
  .refine((s) => ![FREE, HELD, BOOKED, NOT_FOR_SALE].includes(s), 'a status of your own, not free, booked, reservedByToken or notForSale');

export const customStatusSettingSchema = z
  .object({
    status: customStatus,
    label: z.string().trim().min(1).max(50),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb'),
  })
  .strict();

export const customStatusesSchema = z
  .array(customStatusSettingSchema)
  .max(20)
  .refine((list) => new Set(list.map((s) => s.status)).size === list.length, 'each status once');

export type CustomStatusSetting = z.infer<typeof customStatusSettingSchema>;

/** What an event offers when it says nothing: blocking places (house seats, broken seats, sight lines). */
export const DEFAULT_CUSTOM_STATUSES: CustomStatusSetting[] = [{ status: 'blocked', label: 'Blocked', color: '#64748b' }];
