import type {
  BookReply,
  BookRequest,
  ChannelPlaces,
  ConflictReply,
  ExtendRequest,
  HoldBestAvailableRequest,
  HoldReply,
  HoldRequest,
  ProblemReply,
  PublicEvent,
  ReleaseReply,
  ReleaseRequest,
  SessionReply,
  StartSessionRequest,
  TokenReply,
} from '../../contracts/buyer-api';

/** The browser's client for the buyer API (`/api/v1`). Expected failures come back as values. */

export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'conflict'; failed: ConflictReply['failed']; message: string }
  | { ok: false; kind: 'rejected'; status: number; message: string }
  | { ok: false; kind: 'network' };

type Body = HoldRequest | HoldBestAvailableRequest | BookRequest | ReleaseRequest | ExtendRequest | StartSessionRequest;

async function callServer<T>(server: string, path: string, body?: Body): Promise<Outcome<T>> {
  let res: Response;
  try {
    res = await fetch(
      `${server}/api/v1${path}`,
      body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    );
  } catch {
    return { ok: false, kind: 'network' };
  }
  const json = (await res.json().catch(() => ({}))) as Partial<ConflictReply & ProblemReply>;
  if (res.ok) return { ok: true, value: json as T };
  if (res.status === 409) return { ok: false, kind: 'conflict', failed: json.failed ?? [], message: String(json.error ?? json.message ?? 'Conflict') };
  return { ok: false, kind: 'rejected', status: res.status, message: String(json.message ?? json.error ?? `Request failed (${res.status})`) };
}

export type Places = { labels: string[]; quantities?: Record<string, number>; ticketTypes?: Record<string, string> };

const seats = (eventKey: string, action: 'hold' | 'book' | 'release') => `/events/${encodeURIComponent(eventKey)}/seats/${action}`;

/** How a hold is made: on the buyer's token (else a new one lasting `ttlSeconds`), with the sales channels it may use. */
export type HoldWith = { holdToken: string | null; ttlSeconds?: number | undefined; channelKeys?: string[] | undefined };

const holdFields = ({ holdToken, ttlSeconds, channelKeys }: HoldWith) => ({
  ...(holdToken ? { holdToken } : {}),
  ...(ttlSeconds && !holdToken ? { ttlSeconds } : {}),
  ...(channelKeys?.length ? { channelKeys } : {}),
});

/**
 * The buyer API of `server` (an origin such as `https://tickets.example.com`), or of the page's own server (`''`):
 * an embedded chart calls the Tessera server it was loaded from. Events are those of the workspace `workspaceKey`
 * names (public key), or of the default workspace.
 */
export function createBuyerApi(server = '', workspaceKey?: string) {
  const query = workspaceKey ? `?workspaceKey=${encodeURIComponent(workspaceKey)}` : '';
  const call = <T>(path: string, body?: Body) => callServer<T>(server, `${path}${query}`, body);
  return {
    event: (eventKey: string) => call<PublicEvent>(`/events/${encodeURIComponent(eventKey)}`),
    hold: (eventKey: string, places: Places, how: HoldWith) =>
      call<HoldReply>(seats(eventKey, 'hold'), {
        objectLabels: places.labels,
        ...(places.quantities ? { quantities: places.quantities } : {}),
        ...holdFields(how),
      }),
    holdBest: (eventKey: string, number: number, categories: string[], how: HoldWith) =>
      call<HoldReply>(seats(eventKey, 'hold'), {
        bestAvailable: { number, ...(categories.length ? { categories } : {}) },
        ...holdFields(how),
      }),
    /** The places a sales channel's key unlocks; undefined when the event has no such channel. */
    channelPlaces: (eventKey: string, channelKey: string) =>
      call<ChannelPlaces>(`/events/${encodeURIComponent(eventKey)}/channels/${encodeURIComponent(channelKey)}`),
    release: (eventKey: string, places: Places, holdToken: string) =>
      call<ReleaseReply>(seats(eventKey, 'release'), {
        objectLabels: places.labels,
        ...(places.quantities ? { quantities: places.quantities } : {}),
        holdToken,
      }),
    book: (eventKey: string, places: Places, holdToken: string) =>
      call<BookReply>(seats(eventKey, 'book'), {
        objectLabels: places.labels,
        ...(places.quantities ? { quantities: places.quantities } : {}),
        ...(places.ticketTypes ? { ticketTypes: places.ticketTypes } : {}),
        holdToken,
      }),
    startSession: (eventKey: string, ttlSeconds?: number) =>
      call<SessionReply>(`/events/${encodeURIComponent(eventKey)}/hold-tokens`, ttlSeconds ? { ttlSeconds } : {}),
    token: (holdToken: string) => call<TokenReply>(`/hold-tokens/${encodeURIComponent(holdToken)}`),
    extend: (holdToken: string, ttlSeconds: number) => call<TokenReply>(`/hold-tokens/${encodeURIComponent(holdToken)}/extend`, { ttlSeconds }),
  };
}

export type BuyerApi = ReturnType<typeof createBuyerApi>;

/** The buyer API of the page's own server. */
export const buyerApi = createBuyerApi();
