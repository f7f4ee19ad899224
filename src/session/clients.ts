/** Builds Attio clients for this window: one rate limiter shared by all, every token known to the redactor. */
import { AttioClient, RateLimiter, originOf, type Redactor } from '../attio';
import type { Logger } from '../common/log';

export class ClientFactory {
  private readonly limiter = new RateLimiter();

  constructor(
    private readonly redactor: Redactor,
    private readonly log: Logger,
    private readonly fetchImpl: typeof fetch = globalThis.fetch,
  ) {}

  /**
   * A client that sends `token` to `baseUrl`, and only ever to `tokenOrigin` (the origin the token was verified
   * at; for a token being verified, the base URL's own).
   */
  clientFor(token: string, baseUrl: string, tokenOrigin: string = originOf(baseUrl)): AttioClient {
    this.redactor.add(token);
    return new AttioClient({
      baseUrl,
      tokenOrigin,
      token: () => token,
      fetch: this.fetchImpl,
      limiter: this.limiter,
      log: (level, message) => this.log.log(level, message),
    });
  }
}
