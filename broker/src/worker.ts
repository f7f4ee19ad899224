/** The broker on Cloudflare Workers: the client IP is Cloudflare's CF-Connecting-IP. */
import { createBroker } from './broker';
import type { Env } from './config';

const broker = createBroker();

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    return broker.fetch(request, env, request.headers.get('cf-connecting-ip') ?? 'unknown');
  },
};
