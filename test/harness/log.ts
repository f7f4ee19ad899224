/** Tagged, timestamped console output for the harness. `debug` prints only with ATTIO_HARNESS_DEBUG=1 (or VERBOSE=1). */
const T0 = Date.now();

export const debugEnabled = process.env.ATTIO_HARNESS_DEBUG === '1' || process.env.VERBOSE === '1';

function stamp(): string {
  return `+${((Date.now() - T0) / 1000).toFixed(1)}s`;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

export function createLogger(component: string): Logger {
  const prefix = () => `[${component} ${stamp()}]`;
  return {
    info: m => console.log(`${prefix()} ${m}`),
    warn: m => console.warn(`${prefix()} WARN ${m}`),
    error: m => console.error(`${prefix()} ERROR ${m}`),
    debug: m => {
      if (debugEnabled) console.log(`${prefix()} debug ${m}`);
    },
  };
}

/** Seconds since `start` (ms), for reporting wall times. */
export function elapsed(start: number): string {
  return `${((Date.now() - start) / 1000).toFixed(1)}s`;
}

/** Output that is expected on an offline machine (gallery lookups, the github auth provider, vsda, connection chatter). */
export const expectedNoise =
  /open-vsx\.org|authentication provider 'github'|Creating a socket|Resolv(ing|ed) connection token|grace time|builtin extensions cache|Service Worker|AgentHost|AccountPolicyGate|vsda|marketplace|^\s+at /;
