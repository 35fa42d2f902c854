import { z } from 'zod';
import type { ApiRequest, ApiResponse, Router } from '../router';
import type { SeatsioContext } from './context';
import type { ChartFiling, ChartListing } from '../../booking/charts';
import { eventJson } from './events';
import { chartPage, chartReply } from './replies';
import { chartNotFound, error, invalidRequest, ok, pageReply, pageRequest, parse } from './responses';
import * as schemas from './schemas';

/**
 * `/charts`: create from a seats.io chart file or `{name, categories}`, retrieve, list, archive, tag and copy
 * (names, categories and versions: chart-versions.ts). A chart's drawing never changes once stored: its events and
 * the buyer pages' cached documents rely on it.
 */
export function chartRoutes(router: Router<SeatsioContext>): void {
  const chartKey = { key: z.string().meta({ description: 'The key of a chart' }) };
  const known =
    (then: (req: ApiRequest, c: SeatsioContext, chart: ChartListing) => ApiResponse | Promise<ApiResponse>) =>
    async (req: ApiRequest, c: SeatsioContext): Promise<ApiResponse> => {
      const chart = await c.booking.chartListing(c.workspace.id, req.params.key!);
      return chart ? then(req, c, chart) : chartNotFound(req.params.key!, c.workspace.key);
    };
  const filing = (change: (req: ApiRequest) => ChartFiling) =>
    known(async (req, c, chart) => (await c.booking.fileChart(c.workspace.id, chart.key, change(req)), ok()));
  const done = (description: string) => ({ 204: { description } });

  router
    .on('POST', '/charts', (req, c) => createChart(req, c), {
      summary: 'Create a chart',
      description:
        'From a seats.io chart file (a body with `subChart` or `subChartFloors`, up to 64 MiB; every wrong field is named) or from `{name, categories}`.',
      access: 'secretKey',
      body: z.union([schemas.simpleChartBody, z.looseObject({ subChart: z.record(z.string(), z.unknown()) }).meta({ description: 'A seats.io chart file' })]),
      responses: { 200: { description: 'The chart', schema: chartReply } },
    })
    .on(
      'GET',
      '/charts',
      async (req, c) => {
        const query = parse(schemas.chartListQuery, Object.fromEntries(req.query));
        if (!query.ok) return query.response;
        const expand = expansions(req);
        if (!expand.ok) return expand.response;
        const { filter, tag, eventsLimit } = query.value;
        const page = await c.booking.listCharts(c.workspace.id, pageRequest(query.value), { ...(filter ? { filter } : {}), ...(tag ? { tag } : {}) });
        return pageReply(page, (chart) => chartJson(c, chart, expand.events ? eventsLimit : 0));
      },
      {
        summary: "The workspace's charts, newest first",
        description: "By a part of the name (`filter`) or a tag; `expand=events` adds each chart's events (at most `eventsLimit`).",
        access: 'secretKey',
        query: schemas.chartListQuery,
        responses: { 200: { description: 'A page', schema: chartPage } },
      },
    )
    .on('GET', '/charts/tags', async (_req, c) => ok({ tags: await c.booking.chartTags(c.workspace.id) }), {
      summary: "Every tag of the workspace's charts",
      access: 'secretKey',
      responses: { 200: { description: 'Sorted', schema: z.object({ tags: z.array(z.string()) }) } },
    })
    .on(
      'GET',
      '/charts/:key',
      known(async (req, c, chart) => {
        const expand = expansions(req);
        return expand.ok ? ok(await chartJson(c, chart, expand.events ? 100 : 0)) : expand.response;
      }),
      {
        summary: 'A chart',
        description: '`expand=events` adds its events (the first 100).',
        access: 'secretKey',
        params: chartKey,
        responses: { 200: { description: 'The chart', schema: chartReply } },
      },
    )
    .on(
      'POST',
      '/charts/:key/actions/move-to-archive',
      filing(() => ({ archived: true })),
      {
        summary: 'Archive a chart',
        access: 'secretKey',
        params: chartKey,
        responses: done('Archived'),
      },
    )
    .on(
      'POST',
      '/charts/:key/actions/move-out-of-archive',
      filing(() => ({ archived: false })),
      {
        summary: 'Take a chart out of the archive',
        access: 'secretKey',
        params: chartKey,
        responses: done('Active again'),
      },
    )
    .on(
      'POST',
      '/charts/:key/tags/:tag',
      filing((req) => ({ addTag: req.params.tag! })),
      {
        summary: 'Tag a chart',
        access: 'secretKey',
        params: { ...chartKey, tag: schemas.chartTag },
        responses: done('Tagged'),
      },
    )
    .on(
      'DELETE',
      '/charts/:key/tags/:tag',
      filing((req) => ({ removeTag: req.params.tag! })),
      {
        summary: "Remove a chart's tag",
        access: 'secretKey',
        params: { ...chartKey, tag: schemas.chartTag },
        responses: done('Untagged'),
      },
    )
    .on(
      'POST',
      '/charts/:key/version/published/actions/copy',
      known(async (_req, c, chart) =>
        ok(await chartJson(c, await listingOf(c, c.workspace.id, (await c.booking.copyChart(c.workspace.id, chart.key, c.workspace.id))!.key), 0)),
      ),
      {
        summary: 'Copy a chart',
        description: 'A new chart with the same drawing, named "… (copy)"; the events stay with the original.',
        access: 'secretKey',
        params: chartKey,
        responses: { 200: { description: 'The copy', schema: chartReply } },
      },
    )
    .on(
      'POST',
      '/charts/:key/version/published/actions/copy-to-workspace/:workspaceKey',
      known((req, c, chart) => copyAcross(c, c.workspace.id, chart.key, req.params.workspaceKey!)),
      {
        summary: 'Copy a chart to another workspace',
        description: 'With the company admin key only.',
        access: 'adminKey',
        params: { ...chartKey, workspaceKey: schemas.workspaceKey },
        responses: { 200: { description: 'The copy, in the other workspace', schema: chartReply } },
      },
    )
    .on(
      'POST',
      '/charts/:key/version/published/actions/copy/from/:fromWorkspaceKey/to/:toWorkspaceKey',
      async (req, c) => {
        if (!c.admin) return { status: 403 };
        const from = await c.booking.workspaceByKey(req.params.fromWorkspaceKey!);
        if (!from) return error('NOT_FOUND', `Workspace not found: ${req.params.fromWorkspaceKey}`);
        if (!(await c.booking.chartByKey(from.id, req.params.key!))) return chartNotFound(req.params.key!, from.key);
        return copyAcross(c, from.id, req.params.key!, req.params.toWorkspaceKey!);
      },
      {
        summary: 'Copy a chart from one workspace to another',
        description: 'With the company admin key only.',
        access: 'adminKey',
        params: { ...chartKey, fromWorkspaceKey: schemas.workspaceKey, toWorkspaceKey: schemas.workspaceKey },
        responses: { 200: { description: 'The copy, in the other workspace', schema: chartReply } },
      },
    );
}

/** A copy of a chart of workspace `fromId` in the workspace `toKey` names: the company admin key only. */
async function copyAcross(c: SeatsioContext, fromId: number, chartKey: string, toKey: string): Promise<ApiResponse> {
  if (!c.admin) return { status: 403 };
  const target = await c.booking.workspaceByKey(toKey);
  if (!target) return error('NOT_FOUND', `Workspace not found: ${toKey}`);
  const copy = (await c.booking.copyChart(fromId, chartKey, target.id))!;
  return ok(await chartJson(c, await listingOf(c, target.id, copy.key), 0));
}

/** `expand` as the client sends it (`expand[]=events`, or `expand=events`): only events can be expanded. */
function expansions(req: ApiRequest): { ok: true; events: boolean } | { ok: false; response: ApiResponse } {
  const asked = [...req.query.getAll('expand'), ...req.query.getAll('expand[]')].flatMap((v) => v.split(',')).filter(Boolean);
  const unknown = asked.filter((e) => e !== 'events');
  if (unknown.length) return { ok: false, response: error('INVALID_REQUEST', `expand: ${unknown.join(', ')} not supported by Tessera`) };
  return { ok: true, events: asked.includes('events') };
}

export const listingOf = async (c: SeatsioContext, workspaceId: number, key: string) => (await c.booking.chartListing(workspaceId, key))!;

export async function chartJson(c: SeatsioContext, chart: ChartListing, eventsLimit: number) {
  const events = eventsLimit ? await Promise.all((await c.booking.chartEvents(chart.id, eventsLimit)).map((event) => eventJson(c, event))) : [];
  return {
    id: chart.id,
    key: chart.key,
    name: chart.name,
    // A chart without events changes at once (no draft); one with events is published, with a draft or not.
    status: !chart.eventCount ? 'NOT_USED' : chart.hasDraft ? 'PUBLISHED_WITH_DRAFT' : 'PUBLISHED',
    tags: chart.tags,
    archived: chart.archived,
    events,
  };
}

/** The body as a seats.io chart file: as it is when it has a `subChart` or floors, else built from `{name, categories}`. */
function chartFile(body: unknown): { ok: true; file: unknown; key?: string } | { ok: false; response: ApiResponse } {
  const raw = body ?? {};
  if (typeof raw === 'object' && raw && ('subChart' in raw || 'subChartFloors' in raw)) {
    const key = 'key' in raw && typeof raw.key === 'string' ? raw.key : undefined;
    return { ok: true, file: raw, ...(key !== undefined ? { key } : {}) };
  }
  const simple = parse(schemas.simpleChartBody, raw);
  if (!simple.ok) return simple;
  const { name, categories, key } = simple.value;
  return { ok: true, file: { name: name ?? 'Untitled chart', categories: { list: categories ?? [] }, subChart: {} }, ...(key !== undefined ? { key } : {}) };
}

async function createChart(req: ApiRequest, c: SeatsioContext): Promise<ApiResponse> {
  const body = chartFile(req.body);
  if (!body.ok) return body.response;
  const { file, key } = body;
  if (key !== undefined && (key.trim() === '' || key.length > 200)) return error('INVALID_REQUEST', 'key: must be 1 to 200 characters');
  const result = await c.booking.importChart(c.workspace.id, file, key !== undefined ? { key } : {});
  if (result.ok) return ok(await chartJson(c, await listingOf(c, c.workspace.id, result.chart.key), 0));
  if (result.reason === 'invalid_chart') return invalidRequest(result.errors);
  if (result.reason === 'chart_key_taken') return error('CHART_KEY_ALREADY_EXISTS', `Chart key already exists: ${key}`);
  throw new Error(`creating a chart without events failed: ${result.reason}`);
}
