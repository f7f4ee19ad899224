/**
 * The cost of a call for the linear-time tests (scanners fed hostile text): the least CPU time of this process over a
 * few runs, in milliseconds. CPU time rather than the clock, and the least of several runs, so that other processes
 * on a loaded machine, the first run's compilation and a garbage collection do not count: a quadratic scanner still
 * takes seconds.
 */
export function leastCpuMs(fn: () => unknown, runs = 3): number {
  let least = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    least = Math.min(least, (used.user + used.system) / 1000);
  }
  return least;
}
