/** The organiser pages' client for `/api/manage`: JSON in and out, the session's CSRF token on every change. */

/** A refusal carries a message and, for a 400, what is wrong with which field. */
export type ManageOutcome<T> = { ok: true; value: T } | { ok: false; status: number; message: string; errors: Record<string, string[]> };

/** Sends `body` (a change, with the CSRF token; POST unless `method` says otherwise), or GETs when there is none. */
export async function manageApi<T>(path: string, body?: unknown, csrfToken?: string, method: 'POST' | 'PATCH' | 'DELETE' = 'POST'): Promise<ManageOutcome<T>> {
  let res: Response;
  try {
    res = await fetch(
      `/api/manage${path}`,
      body === undefined
        ? {}
        : {
            method,
            headers: { 'content-type': 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
            body: JSON.stringify(body),
          },
    );
  } catch {
    return { ok: false, status: 0, message: 'We could not reach the server. Check your connection and try again.', errors: {} };
  }
  const json = (await res.json().catch(() => ({}))) as { message?: string; errors?: Record<string, string[]> };
  if (res.ok) return { ok: true, value: json as T };
  return { ok: false, status: res.status, message: json.message ?? `Request failed (${res.status})`, errors: json.errors ?? {} };
}
