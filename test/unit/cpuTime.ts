/**
 * The cost of a call for the linear-time tests (scanners fed hostile text), in milliseconds: the least over a few runs
 * of the smaller of the clock's time and this process's CPU time. On a loaded machine the clock also counts other
 * processes, and CPU time counts the garbage collector's helper threads; the smaller of the two is closer to the
 * call's own cost, and the least run leaves out the first run's compilation. A quadratic scanner still takes seconds.
 */
export function leastCpuMs(fn: () => unknown, runs = 3): number {
  let least = Infinity;
  for (let r = 0; r < runs; r++) {
    const cpu = process.cpuUsage();
    const clock = process.hrtime.bigint();
    fn();
    const wallMs = Number(process.hrtime.bigint() - clock) / 1e6;
    const used = process.cpuUsage(cpu);
    least = Math.min(least, wallMs, (used.user + used.system) / 1000);
  }
  return least;
}
