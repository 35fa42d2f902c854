/** The browser's client for the seat dialect (`/api/v1`). Expected failures come back as values. */

export type HeldPlace = { objectLabel: string; objectType: string; status?: string; quantity?: number };
export type HoldReply = { holdToken: string; expiresAt: string; held: HeldPlace[] };
export type TokenReply = { holdToken: string; expiresAt: string; held: { eventKey: string; objectLabel: string; quantity: number }[] };
export type BookReply = { orderId: string; booked: { objectLabel: string; quantity?: number }[] };
export type FailedPlace = { objectLabel: string; reason: string };

export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'conflict'; failed: FailedPlace[]; message: string }
  | { ok: false; kind: 'rejected'; status: number; message: string }
  | { ok: false; kind: 'network' };

async function call<T>(path: string, body?: unknown): Promise<Outcome<T>> {
  let res: Response;
  try {
    res = await fetch(
      `/api/v1${path}`,
      body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    );
  } catch {
    return { ok: false, kind: 'network' };
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return { ok: true, value: json as T };
  if (res.status === 409)
    return { ok: false, kind: 'conflict', failed: (json.failed as FailedPlace[] | undefined) ?? [], message: String(json.error ?? json.message ?? 'Conflict') };
  return { ok: false, kind: 'rejected', status: res.status, message: String(json.message ?? json.error ?? `Request failed (${res.status})`) };
}

export type Places = { labels: string[]; quantities?: Record<string, number> };

export const seatApi = {
  hold: (eventKey: string, places: Places, holdToken: string | null, ttlSeconds?: number) =>
    call<HoldReply>(`/events/${encodeURIComponent(eventKey)}/seats/hold`, {
      objectLabels: places.labels,
      ...(places.quantities ? { quantities: places.quantities } : {}),
      ...(holdToken ? { holdToken } : {}),
      ...(ttlSeconds && !holdToken ? { ttlSeconds } : {}),
    }),
  holdBest: (eventKey: string, number: number, categories: string[], holdToken: string | null, ttlSeconds?: number) =>
    call<HoldReply>(`/events/${encodeURIComponent(eventKey)}/seats/hold`, {
      bestAvailable: { number, ...(categories.length ? { categories } : {}) },
      ...(holdToken ? { holdToken } : {}),
      ...(ttlSeconds && !holdToken ? { ttlSeconds } : {}),
    }),
  release: (eventKey: string, places: Places, holdToken: string) =>
    call<{ released: unknown[] }>(`/events/${encodeURIComponent(eventKey)}/seats/release`, {
      objectLabels: places.labels,
      ...(places.quantities ? { quantities: places.quantities } : {}),
      holdToken,
    }),
  book: (eventKey: string, places: Places, holdToken: string) =>
    call<BookReply>(`/events/${encodeURIComponent(eventKey)}/seats/book`, {
      objectLabels: places.labels,
      ...(places.quantities ? { quantities: places.quantities } : {}),
      holdToken,
    }),
  token: (holdToken: string) => call<TokenReply>(`/hold-tokens/${encodeURIComponent(holdToken)}`),
  extend: (holdToken: string, ttlSeconds: number) => call<TokenReply>(`/hold-tokens/${encodeURIComponent(holdToken)}/extend`, { ttlSeconds }),
};
