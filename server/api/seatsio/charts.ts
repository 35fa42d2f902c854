import { z } from 'zod';
import type { ApiRequest, ApiResponse, Router } from '../router';
import type { SeatsioContext } from './context';
import { chartReply } from './replies';
import { chartNotFound, error, invalidRequest, ok, parse } from './responses';
import * as schemas from './schemas';

/** `/charts`: create from a seats.io chart file or `{name, categories}`, and retrieve. */
export function chartRoutes(router: Router<SeatsioContext>): void {
  router
    .on('POST', '/charts', (req, c) => createChart(req, c), {
      summary: 'Create a chart',
      description: 'From a seats.io chart file (a body with `subChart`, up to 64 MiB; every wrong field is named) or from `{name, categories}`.',
      access: 'secretKey',
      body: z.union([schemas.simpleChartBody, z.looseObject({ subChart: z.record(z.string(), z.unknown()) }).meta({ description: 'A seats.io chart file' })]),
      responses: { 200: { description: 'The chart', schema: chartReply } },
    })
    .on(
      'GET',
      '/charts/:key',
      (req, c) => {
        const chart = c.booking.chartByKey(c.workspace.id, req.params.key!);
        return chart ? ok(chartJson(chart)) : chartNotFound(req.params.key!, c.workspace.key);
      },
      {
        summary: 'A chart',
        access: 'secretKey',
        params: { key: z.string().meta({ description: 'The key of a chart' }) },
        responses: { 200: { description: 'The chart', schema: chartReply } },
      },
    );
}

function chartJson(chart: { id: number; key: string; name: string }) {
  return { id: chart.id, key: chart.key, name: chart.name, status: 'NOT_USED', tags: [], archived: false, events: [] };
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

function createChart(req: ApiRequest, c: SeatsioContext): ApiResponse {
  const body = chartFile(req.body);
  if (!body.ok) return body.response;
  const { file, key } = body;
  if (key !== undefined && (key.trim() === '' || key.length > 200)) return error('INVALID_REQUEST', 'key: must be 1 to 200 characters');
  const result = c.booking.importChart(c.workspace.id, file, key !== undefined ? { key } : {});
  if (result.ok) return ok(chartJson(result.chart));
  if (result.reason === 'invalid_chart') return invalidRequest(result.errors);
  if (result.reason === 'chart_key_taken') return error('CHART_KEY_ALREADY_EXISTS', `Chart key already exists: ${key}`);
  throw new Error(`creating a chart without events failed: ${result.reason}`);
}
