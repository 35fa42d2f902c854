import type { ApiRequest, ApiResponse, Router } from '../router';
import type { LogItem } from '../../booking/status-change-log';
import { withEvent, type SeatsioContext } from './context';
import { eventObjectInfo } from './object-info';
import { deepSummaryReply, reportReply, statusChangesPage, summaryReply } from './replies';
import { alwaysListed, REPORT_GROUPS, summaryReport, SUMMARY_REPORTS, type Report } from './report-groups';
import { error, ok, pageReply, pageRequest, parse } from './responses';
import * as schemas from './schemas';

/** What an event's history and state look like: the status change log, and the four event reports. */
export function reportRoutes(router: Router<SeatsioContext>): void {
  const statusChanges = async (req: ApiRequest, c: SeatsioContext, label?: string) =>
    await withEvent(c, req.params.key!, async (event) => {
      const query = parse(schemas.statusChangesQuery, Object.fromEntries(req.query));
      if (!query.ok) return query.response;
      const { filter, filterType, sort } = query.value;
      const page = await c.booking.listStatusChanges(event.id, {
        ...pageRequest(query.value),
        ...(filter ? { filter: { text: filter, type: filterType } } : {}),
        ...(label !== undefined ? { label } : {}),
        sort: schemas.logSort(sort),
      });
      return pageReply(page, statusChangeJson);
    });
  router
    .on('GET', '/events/:key/status-changes', (req, c) => statusChanges(req, c), {
      summary: "An event's status changes",
      description: 'Newest first unless `sort` says otherwise (`objectLabel`, `status` or `date`, `:asc` or `:desc`; ties newest first).',
      access: 'secretKey',
      query: schemas.statusChangesQuery,
      responses: { 200: { description: 'A page', schema: statusChangesPage } },
    })
    .on('GET', '/events/:key/objects/:label/status-changes', (req, c) => statusChanges(req, c, req.params.label!), {
      summary: "One object's status changes",
      access: 'secretKey',
      query: schemas.statusChangesQuery,
      responses: { 200: { description: 'A page', schema: statusChangesPage } },
    });
  // Before the filtered reports: `/byStatus/summary` is a summary, not the objects in a status called summary.
  for (const grouping of SUMMARY_REPORTS) {
    const summary = async (req: ApiRequest, c: SeatsioContext, deep: boolean) =>
      await withEvent(c, req.params.key!, async (event) =>
        ok(summaryReport(await c.booking.eventObjectViews(event), grouping, alwaysListed(grouping, event.chart.definition.categories), deep)),
      );
    router.on('GET', `/reports/events/:key/${grouping}/summary`, (req, c) => summary(req, c, false), {
      summary: `Summary report: places ${grouping}`,
      description: 'For each group, how many places it has, and how they split by every other grouping.',
      access: 'secretKey',
      responses: { 200: { description: 'Places per group', schema: summaryReply } },
    });
    router.on('GET', `/reports/events/:key/${grouping}/summary/deep`, (req, c) => summary(req, c, true), {
      summary: `Deep summary report: places ${grouping}`,
      description: 'As the summary, with each split split again by every grouping used by neither level.',
      access: 'secretKey',
      responses: { 200: { description: 'Places per group', schema: deepSummaryReply } },
    });
  }
  for (const report of REPORTS) {
    router.on('GET', `/reports/events/:key/${report}`, (req, c) => eventReport(c, req.params.key!, report), {
      summary: `Report: objects ${report}`,
      access: 'secretKey',
      responses: { 200: { description: 'Objects grouped', schema: reportReply } },
    });
    router.on('GET', `/reports/events/:key/${report}/:filter`, (req, c) => eventReport(c, req.params.key!, report, req.params.filter!), {
      summary: `Report: objects ${report}, one group`,
      access: 'secretKey',
      responses: { 200: { description: 'The group', schema: reportReply } },
    });
  }
}

function statusChangeJson(s: LogItem) {
  return {
    id: s.id,
    eventId: s.eventId,
    status: s.status,
    quantity: s.quantity,
    objectLabel: s.label,
    date: new Date(s.createdAt).toISOString(),
    ...(s.orderId ? { orderId: s.orderId } : {}),
    ...(s.extraData ? { extraData: JSON.parse(s.extraData) } : {}),
    ...(s.holdToken ? { holdToken: s.holdToken } : {}),
    origin: { type: s.origin },
    isPresentOnChart: true,
    displayedLabel: s.label,
  };
}

const REPORTS = Object.keys(REPORT_GROUPS) as Report[];

async function eventReport(c: SeatsioContext, key: string, report: Report, filter?: string): Promise<ApiResponse> {
  // Summaries of labels or orders come on the filter's path: a wrong 200 (no object in a status called summary) would mislead.
  if (filter === 'summary') return error('NOT_FOUND', `Summary reports by ${report} are not supported by Tessera`);
  return withEvent(c, key, async (event) => {
    // A Map: labels, order ids and statuses are anyone's strings (`__proto__`, `constructor`), never object keys.
    const groups = new Map<string, unknown[]>(filter !== undefined ? [[filter, []]] : []);
    for (const view of await c.booking.eventObjectViews(event)) {
      const info = eventObjectInfo(view);
      const group = REPORT_GROUPS[report](view, info);
      if (filter !== undefined && group !== filter) continue;
      let members = groups.get(group);
      if (!members) groups.set(group, (members = []));
      members.push(info);
    }
    return ok(Object.fromEntries(groups));
  });
}
