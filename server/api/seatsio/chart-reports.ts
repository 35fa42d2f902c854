import { z } from 'zod';
import type { ChartDefinition, ChartObject } from '../../../contracts/chart';
import type { ApiRequest, ApiResponse, Router } from '../router';
import type { SeatsioContext } from './context';
import { chartObjectInfo } from './object-info';
import { chartReportReply, summaryReply } from './replies';
import { alwaysListed, summarizePlaces, type PlacesBy } from './report-groups';
import { versionMissing } from './chart-versions';
import { ok, parse } from './responses';

/*
 * seats.io's chart reports (`client.chartReports`): a chart version's objects as ChartObjectInfo, grouped, and
 * summaries of its places. No event, so no status: what the venue has, not what is sold.
 */

const GROUPINGS = ['byObjectType', 'bySection', 'byCategoryKey', 'byCategoryLabel', 'byZone'] as const;
type Grouping = (typeof GROUPINGS)[number];
const REPORTS = ['byLabel', ...GROUPINGS] as const;

/** Which of a chart's tables and table seats a report counts (`bookWholeTables`): both when the caller says nothing. */
const TABLE_MODES = ['chart', 'true', 'false'] as const;

function included(object: ChartObject, mode: (typeof TABLE_MODES)[number] | undefined): boolean {
  const tableSeat = object.parent?.type === 'table';
  switch (mode) {
    case 'chart':
      return object.bookable;
    case 'true':
      return !tableSeat;
    case 'false':
      return object.type !== 'table';
    default:
      return true;
  }
}

/** The group each object falls in. */
function groupOf(chart: ChartDefinition, object: ChartObject, report: (typeof REPORTS)[number]): string {
  switch (report) {
    case 'byLabel':
      return object.label;
    case 'byObjectType':
      return object.type;
    case 'bySection':
      return object.section ?? 'NO_SECTION';
    case 'byCategoryKey':
      return object.categoryKey ?? 'NO_CATEGORY';
    case 'byCategoryLabel':
      return chart.categories.find((c) => String(c.key) === object.categoryKey)?.label ?? 'NO_CATEGORY';
    case 'byZone':
      // Tessera's charts have no zones.
      return 'NO_ZONE';
  }
}

const query = z.object({
  bookWholeTables: z.enum(TABLE_MODES).optional().meta({ description: 'Tables as the chart books them, tables only, or table seats only; both without' }),
  version: z.enum(['published', 'draft']).optional(),
});

/** The chart version and objects a report is asked for, or the 4xx that says why not. */
async function reportedObjects(req: ApiRequest, c: SeatsioContext): Promise<{ chart: ChartDefinition; objects: ChartObject[] } | { response: ApiResponse }> {
  const asked = parse(query, Object.fromEntries(req.query));
  if (!asked.ok) return { response: asked.response };
  const { version = 'published', bookWholeTables } = asked.value;
  const chart = await c.booking.chartVersion(c.workspace.id, req.params.key!, version);
  if (!chart) return { response: await versionMissing(c, req.params.key!) };
  return { chart, objects: chart.objects.filter((o) => included(o, bookWholeTables)) };
}

export function chartReportRoutes(router: Router<SeatsioContext>): void {
  const params = { key: z.string().meta({ description: 'The key of a chart' }) };
  for (const grouping of GROUPINGS) {
    router.on(
      'GET',
      `/reports/charts/:key/${grouping}/summary`,
      async (req, c) => {
        const asked = await reportedObjects(req, c);
        if ('response' in asked) return asked.response;
        const { chart, objects } = asked;
        const places = objects.map((o): PlacesBy<Grouping> => ({
          count: o.type === 'generalAdmission' ? (o.capacity ?? 0) : 1,
          values: Object.fromEntries(GROUPINGS.map((g) => [g, groupOf(chart, o, g)])) as Record<Grouping, string>,
        }));
        return ok(summarizePlaces(places, GROUPINGS, grouping, grouping === 'byZone' ? ['NO_ZONE'] : alwaysListed(grouping, chart.categories)));
      },
      {
        summary: `Chart summary report: places ${grouping}`,
        description: "For each group, how many places it has (a standing area's capacity), split by every other grouping.",
        access: 'secretKey',
        params,
        query,
        responses: { 200: { description: 'Places per group', schema: summaryReply } },
      },
    );
  }
  for (const report of REPORTS) {
    router.on(
      'GET',
      `/reports/charts/:key/${report}`,
      async (req, c) => {
        const asked = await reportedObjects(req, c);
        if ('response' in asked) return asked.response;
        const { chart, objects } = asked;
        const groups = new Map<string, Record<string, unknown>[]>();
        for (const object of objects) {
          const name = groupOf(chart, object, report);
          (groups.get(name) ?? groups.set(name, []).get(name)!).push(chartObjectInfo(object, chart));
        }
        return ok(Object.fromEntries(groups));
      },
      {
        summary: `Chart report: objects ${report}`,
        description: 'ChartObjectInfo of every object of the chart version, by group.',
        access: 'secretKey',
        params,
        query,
        responses: { 200: { description: 'Objects per group', schema: chartReportReply } },
      },
    );
  }
}
