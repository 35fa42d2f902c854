import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { preparedFor } from '../../content-encoding';
import { RecentlyUsed } from '../../recently-used';
import type { ApiRequest, ApiResponse, Router } from '../router';
import type { BuyerContext } from './context';
import { problem } from '../problems';

/*
 * `GET /charts/{ref}`: a chart version's JSON, which buyer pages fetch instead of carrying it in their HTML. A ref
 * names one immutable version, so the answer is cached by browsers for good, compressed once (off the event
 * loop, in libuv's thread pool) and kept in memory for the versions asked for most recently.
 */

type Document = { etag: string; identity: Buffer; gzip: Buffer; br: Buffer };

const KEPT_VERSIONS = 8;
const compressBrotli = promisify(brotliCompress);
const compressGzip = promisify(gzip);

async function prepare(ref: string, json: string): Promise<Document> {
  const identity = Buffer.from(json);
  const [br, gz] = await Promise.all([
    // Quality 5: within a few per cent of the best ratio on chart JSON, many times faster.
    compressBrotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    compressGzip(identity),
  ]);
  return { etag: `"${ref}"`, identity, gzip: gz, br };
}

export function chartRoutes(router: Router<BuyerContext>): void {
  const documents = new RecentlyUsed<string, Promise<Document>>(KEPT_VERSIONS);

  async function document(c: BuyerContext, ref: string): Promise<Document | undefined> {
    let prepared = documents.get(ref);
    if (!prepared) {
      const json = await c.booking.chartSource(ref);
      if (json === undefined) return undefined;
      prepared = prepare(ref, json);
      documents.set(ref, prepared);
    }
    return prepared;
  }

  router.on(
    'GET',
    '/charts/:ref',
    async (req: ApiRequest, c: BuyerContext): Promise<ApiResponse> => {
      const doc = await document(c, req.params.ref!);
      if (!doc) return problem(404, `Chart not found: ${req.params.ref}`);
      const headers = { etag: doc.etag, 'cache-control': 'public, max-age=31536000, immutable', vary: 'Accept-Encoding' };
      if (req.headers['if-none-match'] === doc.etag) return { status: 304, headers };
      const { encoding, body: raw } = preparedFor(req, doc);
      return { status: 200, raw, headers: { ...headers, ...(encoding ? { 'content-encoding': encoding } : {}) } };
    },
    {
      summary: "A chart version's document",
      description: 'What the buyer page draws: immutable, cached for a year, with an ETag (304 on `If-None-Match`), brotli or gzip as accepted.',
      access: 'anyone',
      responses: {
        200: { description: "The chart document (its shape is the renderer's, not part of this API)", contentType: 'application/json' },
        304: { description: 'Not modified' },
      },
    },
  );
}
