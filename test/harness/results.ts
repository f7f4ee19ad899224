/**
 * Each test's outcome, for the flake finder (repeat.ts): when ATTIO_RESULTS_FILE is set, a mocha run records every
 * test's full title and state there (as JSON), adding to what earlier runs of the same process wrote.
 */
import * as fs from 'fs';
import type Mocha from 'mocha';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
}

export function readOutcomes(file: string): TestOutcome[] {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { tests: TestOutcome[] }).tests;
  } catch {
    return [];
  }
}

/** Records the runner's outcomes in `file` (default ATTIO_RESULTS_FILE; nothing when neither is set). */
export function recordOutcomes(runner: Mocha.Runner, file = process.env.ATTIO_RESULTS_FILE): void {
  if (!file) return;
  const tests = readOutcomes(file);
  const write = () => fs.writeFileSync(file, JSON.stringify({ tests }, null, 1));
  runner.on('pass', t => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
  runner.on('pending', t => tests.push({ title: t.fullTitle(), state: 'pending' }));
  // a failing hook fails the tests it stands before: record the hook under its own title
  runner.on('fail', t => tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration }));
  runner.on('end', write);
}

/** Prints each top-level suite's wall time (hooks included) as it ends: where a run's minutes go. */
export function printSuiteTimes(runner: Mocha.Runner): void {
  const started = new Map<Mocha.Suite, number>();
  runner.on('suite', s => void started.set(s, Date.now()));
  runner.on('suite end', s => {
    if (s.parent?.root !== true || !started.has(s)) return;
    console.log(`  [suite time] ${s.title}: ${((Date.now() - started.get(s)!) / 1000).toFixed(1)} s`);
  });
}

/**
 * Writes into `file` the outcomes recorded in `parts` (then removed): a test run in one window and skipped in the
 * other (the Restricted Mode suite) counts by where it ran.
 */
export function mergeOutcomes(file: string, parts: string[]): void {
  const all = parts.flatMap(part => readOutcomes(part));
  const ran = new Set(all.filter(o => o.state !== 'pending').map(o => o.title));
  const tests = [...readOutcomes(file), ...all.filter(o => o.state !== 'pending' || !ran.has(o.title))];
  fs.writeFileSync(file, JSON.stringify({ tests }, null, 1));
  for (const part of parts) fs.rmSync(part, { force: true });
}
