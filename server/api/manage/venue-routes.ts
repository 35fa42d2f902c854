import { z } from 'zod';
import { customStatusesSchema } from '../../../contracts/custom-statuses';
import { pricingSchema } from '../../../contracts/pricing';
import { salesSettingsPatch } from '../../../contracts/sales';
import { invalidRequest, problem } from '../problems';
import type { Router } from '../router';
import { signedIn, type ManageContext } from './context';
import { parse } from './parse';

/*
 * Events and charts from the box office: create an event from a chart with its prices and sales settings, and import
 * a seats.io chart file. Both go through the booking layer's operations, as the seats.io dialect's do.
 */

const key = z.string().trim().min(1).max(200);

const newEvent = z
  .object({
    chartKey: key,
    key: key.optional(),
    name: z.string().trim().min(1).max(200).optional(),
    date: z.iso.date().optional(),
    pricing: pricingSchema.optional(),
    salesSettings: salesSettingsPatch.optional(),
    customStatuses: customStatusesSchema.optional(),
  })
  .strict();

/** An event's settings as the box office changes them: any of them, the rest kept. */
const eventSettings = z
  .object({
    name: z.string().trim().min(1).max(200).nullable().optional(),
    date: z.iso.date().nullable().optional(),
    pricing: pricingSchema.optional(),
    salesSettings: salesSettingsPatch.optional(),
    customStatuses: customStatusesSchema.optional(),
  })
  .strict();

const newChart = z.object({ key: key.optional(), file: z.record(z.string(), z.unknown()) }).strict();

export function venueRoutes(router: Router<ManageContext>, workspaceId: number): void {
  router
    .on(
      'POST',
      '/events',
      signedIn(async (req, c) => {
        const body = parse(newEvent, req.body);
        if (!body.ok) return body.response;
        const { chartKey, key: eventKey, name, date, pricing, salesSettings, customStatuses } = body.value;
        const params = {
          ...(eventKey ? { key: eventKey } : {}),
          name: name ?? null,
          date: date ?? null,
          ...(pricing ? { pricing } : {}),
          ...(salesSettings ? { sales: salesSettings } : {}),
          ...(customStatuses ? { customStatuses } : {}),
        };
        const result = await c.booking.createEvents(workspaceId, chartKey, [params]);
        if (result.ok) return { status: 200, body: { key: result.events[0]!.key } };
        if (result.reason === 'chart_not_found') return problem(404, `Chart not found: ${chartKey}`, { chartKey: ['no such chart'] });
        if (result.reason === 'invalid_field') return invalidRequest([{ path: result.path, message: result.message }]);
        if (result.reason === 'invalid_channels') return problem(400, result.message);
        return problem(409, `An event with key ${result.key} exists already`, { key: ['taken by another event'] });
      }),
    )
    .on(
      'POST',
      '/events/:key/settings',
      signedIn(async (req, c) => {
        const body = parse(eventSettings, req.body);
        if (!body.ok) return body.response;
        const { salesSettings, ...rest } = body.value;
        const result = await c.booking.updateEvent(workspaceId, req.params.key!, { ...rest, ...(salesSettings ? { sales: salesSettings } : {}) });
        if (result.ok) return { status: 204 };
        if (result.reason === 'invalid_field') return invalidRequest([{ path: result.path, message: result.message }]);
        return problem(404, `Event not found: ${req.params.key}`);
      }),
    )
    .on(
      'POST',
      '/charts',
      signedIn(async (req, c) => {
        const body = parse(newChart, req.body);
        if (!body.ok) return body.response;
        const result = await c.booking.importChart(workspaceId, body.value.file, body.value.key ? { key: body.value.key } : {});
        if (result.ok) return { status: 200, body: { key: result.chart.key, name: result.definition.name } };
        if (result.reason === 'invalid_chart') return invalidRequest(result.errors.map((e) => ({ path: `file.${e.path}`, message: e.message })));
        if (result.reason === 'chart_key_taken') return problem(409, `A chart with key ${body.value.key} exists already`, { key: ['taken by another chart'] });
        throw new Error(`importing a chart without events failed: ${result.reason}`);
      }),
    );
}
