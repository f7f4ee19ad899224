/**
 * The flake finder: runs one suite N times in a row, each time in a fresh workbench (a new code-server, browser and
 * extension host), and prints each test's pass count. Exits 1 unless every test passed every time.
 *
 *   npm run test:repeat -- --suite ui|web|integration --times 3 [--load]
 *
 * --load runs a CPU-bound process beside the suite for the whole time, because that is how CI meets it (right after
 * a session, on a machine that may still be busy). Build first (`npm run build`).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createLogger, elapsed } from './log';
import { makeTempDir, outDir, removeDir, repoRoot } from './paths';
import { readOutcomes } from './results';

const log = createLogger('repeat');

const SUITES: Record<string, { args: string[]; env?: Record<string, string> }> = {
  ui: { args: [path.join(outDir, 'test', 'ui', 'run.js')], env: { ATTIO_UI_HOST: 'node' } },
  web: { args: [path.join(outDir, 'test', 'ui', 'run.js')], env: { ATTIO_UI_HOST: 'web' } },
  integration: { args: [path.join(outDir, 'test', 'harness', 'runIntegration.js')] },
};

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function runOnce(suite: string, resultsFile: string): Promise<number> {
  const { args, env } = SUITES[suite];
  return new Promise(resolve => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env, ATTIO_RESULTS_FILE: resultsFile } });
    child.on('exit', code => resolve(code ?? 1));
  });
}

/** A busy loop on one core, until stopped. */
function startLoad(): () => void {
  const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  return () => child.kill('SIGKILL');
}

async function main(): Promise<number> {
  const suite = option('suite', 'ui');
  const times = Number(option('times', '3'));
  if (!SUITES[suite] || !(times >= 1)) {
    console.error(`usage: npm run test:repeat -- --suite ${Object.keys(SUITES).join('|')} --times N [--load]`);
    return 2;
  }
  const load = process.argv.includes('--load');
  const stopLoad = load ? startLoad() : () => undefined;
  const tmp = makeTempDir('repeat');
  const passes = new Map<string, number>();
  const runs: string[] = [];
  try {
    for (let i = 1; i <= times; i++) {
      const t0 = Date.now();
      const file = path.join(tmp, `run-${i}.json`);
      log.info(`${suite}: run ${i} of ${times}${load ? ' (with a CPU-bound process beside it)' : ''}`);
      const code = await runOnce(suite, file);
      const outcomes = fs.existsSync(file) ? readOutcomes(file) : [];
      for (const o of outcomes) passes.set(o.title, (passes.get(o.title) ?? 0) + (o.state === 'passed' ? 1 : 0));
      runs.push(`run ${i}: exit ${code}, ${outcomes.filter(o => o.state === 'passed').length} passed, ${outcomes.filter(o => o.state === 'failed').length} failed, ${elapsed(t0)}`);
    }
  } finally {
    stopLoad();
    removeDir(tmp);
  }
  console.log(`\nFlake finder: suite ${suite}, ${times} runs${load ? ', machine loaded' : ''}`);
  for (const r of runs) console.log(`  ${r}`);
  console.log(`\n| passes | test |\n|---|---|`);
  const rows = [...passes.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  for (const [title, n] of rows) console.log(`| ${n}/${times} | ${title.replace(/\|/g, '\\|')} |`);
  const flaky = rows.filter(([, n]) => n < times);
  console.log(`\n${rows.length} tests, ${rows.length - flaky.length} passed ${times} of ${times}, ${flaky.length} did not`);
  return flaky.length || rows.length === 0 ? 1 : 0;
}

main().then(code => process.exit(code), e => {
  log.error(String(e instanceof Error ? e.stack : e));
  process.exit(1);
});
