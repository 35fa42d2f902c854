import { z } from 'zod';
import type { ChartChange, ChartChangeResult } from '../../booking/charts';
import type { Category, ChartDefinition } from '../../../contracts/chart';
import type { ApiResponse, Router } from '../router';
import type { SeatsioContext } from './context';
import { chartJson, listingOf } from './charts';
import { chartReply } from './replies';
import { chartNotFound, error, ok, parse } from './responses';
import * as schemas from './schemas';

/*
 * A chart's versions and categories, as seats.io's: changes to a chart that events use wait in a draft until it is
 * published or discarded; a chart without events changes at once. A version is given as Tessera's chart model with
 * its categories as seats.io lists them (`categories.list`), not as seats.io's drawing file.
 */

const params = { key: z.string().meta({ description: 'The key of a chart' }) };
const categoryParams = { ...params, categoryKey: z.string().meta({ description: 'The key of one of its categories' }) };
const done = { 204: { description: 'Done' } };
const versionReply = z.looseObject({ name: z.string(), categories: z.object({ list: z.array(z.unknown()) }) }).meta({ id: 'ChartVersion' });

/** A version as the client's `retrievePublishedVersion` / `retrieveDraftVersion` read it. */
const versionJson = (version: ChartDefinition) => ({ ...version, categories: { list: version.categories } });

/** Categories as seats.io's category calls take them: `accessible` false unless said. */
const category = (c: z.infer<typeof schemas.chartCategory>): Category => ({ key: c.key, label: c.label, color: c.color, accessible: c.accessible ?? false });

function answer(c: SeatsioContext, key: string, result: ChartChangeResult): ApiResponse {
  if (result.ok) return ok();
  switch (result.reason) {
    case 'chart_not_found':
      return chartNotFound(key, c.workspace.key);
    case 'no_draft':
      return error('NOT_FOUND', `Chart ${key} has no draft version`);
    case 'category_exists':
      return error('INVALID_REQUEST', `Category ${result.key} exists already`);
    case 'category_not_found':
      return error('NOT_FOUND', `No category ${result.key} on chart ${key}`);
    case 'event_categories_clash':
      return error('INVALID_REQUEST', `Event ${result.eventKey} has a category of its own with key ${result.key}: change it before publishing`);
  }
}

/** Why a version of the chart `key` was not found: the chart has no draft, or there is no such chart. */
export async function versionMissing(c: SeatsioContext, key: string): Promise<ApiResponse> {
  return (await c.booking.chartListing(c.workspace.id, key)) ? answer(c, key, { ok: false, reason: 'no_draft' }) : chartNotFound(key, c.workspace.key);
}

export function chartVersionRoutes(router: Router<SeatsioContext>): void {
  const change = async (c: SeatsioContext, key: string, what: ChartChange) => answer(c, key, await c.booking.changeChart(c.workspace.id, key, what));
  const version = (which: 'published' | 'draft') => async (req: { params: Record<string, string> }, c: SeatsioContext) => {
    const key = req.params.key!;
    const found = await c.booking.chartVersion(c.workspace.id, key, which);
    return found ? ok(versionJson(found)) : await versionMissing(c, key);
  };
  router
    .on(
      'POST',
      '/charts/:key',
      async (req, c) => {
        const body = parse(schemas.updateChartBody, req.body ?? {});
        if (!body.ok) return body.response;
        const { name, categories } = body.value;
        return change(c, req.params.key!, { ...(name ? { name } : {}), ...(categories ? { categories: categories.map(category) } : {}) });
      },
      {
        summary: 'Rename a chart or replace its categories',
        description: 'In its draft version when events use it (published with `…/version/draft/actions/publish`), else at once.',
        access: 'secretKey',
        params,
        body: schemas.updateChartBody,
        responses: done,
      },
    )
    .on('GET', '/charts/:key/version/published', version('published'), {
      summary: "A chart's published version",
      description: "Tessera's chart model, its categories as `categories.list`.",
      access: 'secretKey',
      params,
      responses: { 200: { description: 'The version', schema: versionReply } },
    })
    .on('GET', '/charts/:key/version/draft', version('draft'), {
      summary: "A chart's draft version",
      access: 'secretKey',
      params,
      responses: { 200: { description: 'The version', schema: versionReply } },
    })
    .on(
      'POST',
      '/charts/:key/version/draft/actions/publish',
      async (req, c) => answer(c, req.params.key!, await c.booking.publishDraft(c.workspace.id, req.params.key!)),
      {
        summary: 'Publish the draft version',
        description: "The chart's events are sold on it from then on; refused while an event's own categories would clash with it.",
        access: 'secretKey',
        params,
        responses: done,
      },
    )
    .on(
      'POST',
      '/charts/:key/version/draft/actions/discard',
      async (req, c) => answer(c, req.params.key!, await c.booking.discardDraft(c.workspace.id, req.params.key!)),
      {
        summary: 'Discard the draft version',
        access: 'secretKey',
        params,
        responses: done,
      },
    )
    .on(
      'POST',
      '/charts/:key/version/draft/actions/copy',
      async (req, c) => {
        const key = req.params.key!;
        const copy = await c.booking.copyChart(c.workspace.id, key, c.workspace.id, 'draft');
        return copy ? ok(await chartJson(c, await listingOf(c, c.workspace.id, copy.key), 0)) : await versionMissing(c, key);
      },
      {
        summary: 'Copy the draft version',
        description: 'A new chart whose published version is the draft, named "… (copy)", with the same tags.',
        access: 'secretKey',
        params,
        responses: { 200: { description: 'The copy', schema: chartReply } },
      },
    )
    .on(
      'GET',
      '/charts/:key/categories',
      async (req, c) => {
        const published = await c.booking.chartVersion(c.workspace.id, req.params.key!, 'published');
        return published ? ok({ categories: published.categories }) : chartNotFound(req.params.key!, c.workspace.key);
      },
      {
        summary: "A chart's categories",
        description: 'Of its published version.',
        access: 'secretKey',
        params,
        responses: { 200: { description: 'The categories', schema: z.object({ categories: z.array(z.unknown()) }) } },
      },
    )
    .on(
      'POST',
      '/charts/:key/categories',
      async (req, c) => {
        const body = parse(schemas.chartCategory, req.body);
        return body.ok ? await change(c, req.params.key!, { addCategory: category(body.value) }) : body.response;
      },
      { summary: 'Add a category', access: 'secretKey', params, body: schemas.chartCategory, responses: done },
    )
    .on(
      'POST',
      '/charts/:key/categories/:categoryKey',
      async (req, c) => {
        const body = parse(schemas.chartCategoryChange, req.body ?? {});
        return body.ok ? await change(c, req.params.key!, { updateCategory: { key: req.params.categoryKey!, ...body.value } }) : body.response;
      },
      { summary: 'Change a category', access: 'secretKey', params: categoryParams, body: schemas.chartCategoryChange, responses: done },
    )
    .on('DELETE', '/charts/:key/categories/:categoryKey', (req, c) => change(c, req.params.key!, { removeCategory: req.params.categoryKey! }), {
      summary: 'Remove a category',
      description: 'Places of that category keep its key and have no category (no colour of theirs, no price).',
      access: 'secretKey',
      params: categoryParams,
      responses: done,
    });
}
