/** A tiny hand-written fake `fetch`: routes `METHOD /path` to canned answers and records every call. */
export interface FakeCall {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

export type FakeAnswer = { status?: number; body?: unknown; text?: string; headers?: Record<string, string> };
export type FakeRoute = (call: FakeCall) => FakeAnswer | Promise<FakeAnswer>;

export function fakeFetch(routes: Record<string, FakeRoute | FakeAnswer>) {
  const calls: FakeCall[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const headers = { ...((init?.headers as Record<string, string>) ?? {}) };
    const call: FakeCall = { method, url, headers, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const key = `${method} ${url.pathname}`;
    const route = routes[key] ?? routes['*'];
    if (!route) return new Response(JSON.stringify({ status_code: 404, code: 'not_found' }), { status: 404 });
    const a = typeof route === 'function' ? await route(call) : route;
    const text = a.text ?? JSON.stringify(a.body ?? {});
    return new Response(text, { status: a.status ?? 200, headers: { 'content-type': 'application/json', ...(a.headers ?? {}) } });
  }) as typeof fetch;
  return { fetch: fn, calls };
}

export const ids = {
  rec: (n: number) => ({ workspace_id: 'w', object_id: 'o', record_id: `r${n}` }),
};
