import type { IncomingMessage } from 'node:http';
import type { RouteDoc } from '../openapi/route-doc';

/** A parsed API request, whatever the dialect. */
export type ApiRequest = {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Who sent it, as per-client limits count: an IPv4 address or IPv6 /64, behind trusted proxies the forwarded one. */
  client: string;
  /** Whether the browser reached us over https (directly, or through a trusted proxy that says so). */
  secure: boolean;
  body: unknown;
};

/**
 * An answer: `body` goes out as JSON; `raw` as it is (a document prepared beforehand, compressed, say); `stream`
 * chunk by chunk as the client takes them (an export too large to hold in memory), with its own content-type.
 */
export type ApiResponse = { status: number; body?: unknown; raw?: Buffer; stream?: AsyncIterable<string>; headers?: Record<string, string> };

type Route<C> = {
  method: string;
  path: string;
  pattern: RegExp;
  names: string[];
  handler: (req: ApiRequest, context: C) => ApiResponse | Promise<ApiResponse>;
  doc: RouteDoc | undefined;
};

/** A route as the API reference lists it (`../openapi/`): method, path pattern and its documentation. */
export type ListedRoute = { method: string; path: string; doc: RouteDoc | undefined };

/**
 * Method + path pattern (`/events/:key/actions/:action`) → handler. Path segments are URL-decoded. A route's
 * documentation sits beside its handler: the OpenAPI document is generated from the routers.
 */
export class Router<C> {
  private routes: Route<C>[] = [];

  on(method: string, path: string, handler: Route<C>['handler'], doc?: RouteDoc): this {
    const names: string[] = [];
    const pattern = new RegExp(
      '^' +
        path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
          names.push(name);
          return '([^/]+)';
        }) +
        '/?$',
    );
    this.routes.push({ method, path, pattern, names, handler, doc });
    return this;
  }

  list(): ListedRoute[] {
    return this.routes.map(({ method, path, doc }) => ({ method, path, doc }));
  }

  /** The matching route, or whether the path exists under another method (405) or not at all (404). */
  match(method: string, path: string): { handler: Route<C>['handler']; params: Record<string, string> } | 'not_found' | 'method_not_allowed' {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      try {
        route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
      } catch {
        return 'not_found';
      }
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method_not_allowed' : 'not_found';
  }
}
