/**
 * Activation cost of our own code (prints figures; not a test). Loads the production bundle dist/extension.js in a
 * fresh Node process with a minimal stand-in for the `vscode` module (real event emitters and disposables, inert
 * window/commands/workspace functions), and times `require` of the bundle plus `activate()`: the work VS Code
 * waits for when the extension activates, minus VS Code's own.
 *
 * The same bundle is timed again as VS Code's web-worker host loads it (package.json `browser` names it too): the text
 * evaluated in `new Function('module', 'exports', 'require', …)` with a `require` that knows only 'vscode' (and, to
 * catch a slip, no `process` or `Buffer` in scope).
 *
 * Run: `npm run bundle -- --production && npx tsc -p . && node out/test/bench/activation.js`
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'extension.js');

/** Source of the child process: installs the fake `vscode`, then times require + activate of the bundle once. */
const CHILD = String.raw`
const Module = require('module');
class EventEmitter { constructor() { this.l = new Set(); this.event = (f) => { this.l.add(f); return { dispose: () => this.l.delete(f) }; }; }
  fire(e) { for (const f of this.l) f(e); } dispose() { this.l.clear(); } }
class Disposable { constructor(f) { this.f = f; } static from(...d) { return new Disposable(() => d.forEach(x => x.dispose())); } dispose() { this.f && this.f(); } }
const disposable = () => ({ dispose() {} });
const inert = () => new Proxy(function () {}, { get: (_t, p) => (p === 'then' ? undefined : p === 'dispose' ? () => {} : inert()), apply: () => inert() });
const channel = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, show() {}, dispose() {} };
const config = { get: (_k, d) => d, inspect: () => undefined, update: async () => {} };
const view = () => ({ ...disposable(), onDidExpandElement: () => disposable(), onDidCollapseElement: () => disposable(), onDidChangeVisibility: () => disposable(), onDidChangeSelection: () => disposable(), visible: false, badge: undefined, message: undefined });
class TreeItem { constructor(label, state) { this.label = label; this.collapsibleState = state; } }
class ThemeIcon { constructor(id, color) { this.id = id; this.color = color; } static File = new ThemeIcon('file'); static Folder = new ThemeIcon('folder'); }
class ThemeColor { constructor(id) { this.id = id; } }
class MarkdownString { constructor(v = '') { this.value = v; } appendMarkdown(s) { this.value += s; return this; } appendText(s) { this.value += s; return this; } }
class CancellationError extends Error {}
class DataTransferItem { constructor(value) { this.value = value; } asString() { return Promise.resolve(String(this.value)); } }
const Uri = { parse: (s) => ({ toString: () => s, path: '', query: '' }), file: (p) => ({ fsPath: p, toString: () => 'file://' + p }), joinPath: (u) => u };
const vscode = {
  EventEmitter, Disposable, TreeItem, ThemeIcon, ThemeColor, MarkdownString, CancellationError, DataTransferItem, Uri,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 }, ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  ConfigurationTarget: { Global: 1 }, ExtensionMode: { Production: 1, Development: 2, Test: 3 }, ViewColumn: { Active: -1 },
  window: { createOutputChannel: () => channel, createStatusBarItem: () => ({ ...disposable(), show() {}, hide() {} }), createTreeView: view,
    registerUriHandler: disposable, showInformationMessage: async () => undefined, showErrorMessage: async () => undefined,
    showWarningMessage: async () => undefined, withProgress: async (_o, f) => f({ report() {} }, { onCancellationRequested: disposable }) },
  commands: { registerCommand: disposable, executeCommand: async () => undefined },
  workspace: { getConfiguration: () => config, onDidChangeConfiguration: disposable, registerTextDocumentContentProvider: disposable },
  authentication: { registerAuthenticationProvider: disposable, onDidChangeSessions: disposable },
  languages: { registerDocumentLinkProvider: disposable, registerHoverProvider: disposable, registerCodeActionsProvider: disposable },
  CodeActionKind: { QuickFix: { value: 'quickfix' } },
  env: { uriScheme: 'vscode', language: 'en', openExternal: async () => true, clipboard: { writeText: async () => {} } },
  l10n: { t: (s) => s },
};
for (const k of ['window', 'workspace', 'commands', 'authentication', 'env', 'languages', 'lm']) vscode[k] = new Proxy(vscode[k] || {}, { get: (t, p) => (p in t ? t[p] : inert()) });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? new Proxy(vscode, { get: (t, p) => (p in t ? t[p] : inert()) }) : load.call(this, request, ...rest); };
const secrets = { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: disposable };
const context = { subscriptions: [], secrets, extensionMode: 1, extensionUri: Uri.file('/ext'), logUri: Uri.file('/tmp'), globalStorageUri: Uri.file('/tmp'), globalState: { get() {}, update: async () => {} }, workspaceState: { get() {}, update: async () => {} } };
const web = process.argv[2] === 'web';
const source = web ? require('fs').readFileSync(process.argv[1], 'utf8') : undefined;
const fakeVscode = new Proxy(vscode, { get: (t, p) => (p in t ? t[p] : inert()) });
const hrtime = process.hrtime;
const cpu = process.cpuUsage;
// The extension host is a long-running Node process: its timers and AbortController were loaded long before any
// extension activates. Warm them here, so the first bundle to use one is not charged Node's own lazy loading.
clearTimeout(setTimeout(() => {}, 0));
void new AbortController();
const c0 = cpu();
const t0 = hrtime.bigint();
let ext;
if (web) {
  // as the worker host: CommonJS in a function, require knows only 'vscode'; no process or Buffer in a worker
  const m = { exports: {} };
  new Function('module', 'exports', 'require', 'process', 'Buffer', '__dirname', source)(m, m.exports, id => { if (id === 'vscode') return fakeVscode; throw new Error('Cannot load module ' + id); }, undefined, undefined, undefined);
  ext = m.exports;
} else ext = require(process.argv[1]);
const t1 = hrtime.bigint();
ext.activate(context);
const t2 = hrtime.bigint();
const c = cpu(c0);
process.stdout.write(JSON.stringify({ require: Number(t1 - t0) / 1e6, activate: Number(t2 - t1) / 1e6, cpu: (c.user + c.system) / 1e3, disposables: context.subscriptions.length }));
`;

interface Run {
  require: number;
  activate: number;
  /** CPU time (user + system) of require + activate: what a busy machine's scheduling does not inflate. */
  cpu: number;
  disposables: number;
}

/** Cold processes per bundle (ATTIO_BENCH_RUNS=<n> for more on a busy machine). */
const RUNS = Number(process.env.ATTIO_BENCH_RUNS) || 15;
const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
/** ATTIO_BENCH_CPUPROF=<dir> writes a CPU profile of each cold activation there, to see where the time goes. */
const prof = process.env.ATTIO_BENCH_CPUPROF ? ['--cpu-prof', '--cpu-prof-interval', '50', '--cpu-prof-dir', process.env.ATTIO_BENCH_CPUPROF] : [];
const coldRun = (bundle: string, mode: 'node' | 'web'): Run => JSON.parse(execFileSync(process.execPath, [...prof, '-e', CHILD, bundle, mode], { encoding: 'utf8' }));

function bench(bundle: string, mode: 'node' | 'web'): void {
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run "npm run bundle -- --production" first`);
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(coldRun(bundle, mode));
  const req = med(runs.map(r => r.require));
  const act = med(runs.map(r => r.activate));
  const kb = (fs.statSync(bundle).size / 1024).toFixed(1);
  const budget = mode === 'web' ? 130 : 120;
  console.log(`activation of our own code, ${mode} extension host (${path.relative(ROOT, bundle)}, ${kb} KB of ${budget} KB, ${runs.length} cold processes, median):`);
  console.log(
    `  ${mode === 'web' ? 'evaluate(bundle) as the worker host' : 'require(bundle)'} ${req.toFixed(2)} ms + activate() ${act.toFixed(2)} ms = ${(req + act).toFixed(2)} ms  (target ≤ 10 ms); ${runs[0].disposables} disposables owned by the context`,
  );
}

/**
 * `node out/test/bench/activation.js <base bundle> <bundle>…`: the bundles side by side, one cold process of each in
 * turn (so all see the same machine load), each on both hosts, against the base's require + activate on Node (the
 * base may be a Node-only build, as that of 7d79428 is). Build the base from its commit: `git archive <commit> | tar
 * -x -C <dir>`, link node_modules, `node esbuild.js --production` there.
 */
function compare(base: string, bundles: string[]): void {
  const rows = [{ label: `${base} (node)`, bundle: base, mode: 'node' as const }, ...bundles.flatMap(b => (['node', 'web'] as const).map(mode => ({ label: `${b} (${mode})`, bundle: b, mode })))];
  const runs = rows.map((): Run[] => []);
  for (let i = 0; i < RUNS; i++) rows.forEach((r, j) => runs[j].push(coldRun(r.bundle, r.mode)));
  const total = (r: Run): number => r.require + r.activate;
  const totals = runs.map(rs => med(rs.map(total)));
  // the median of each round's ratio to the base's run of that round: robust to a machine whose load drifts
  const ratios = runs.map(rs => med(rs.map((r, i) => total(r) / total(runs[0][i]))));
  const cpus = runs.map(rs => med(rs.map(r => r.cpu)));
  console.log(`activation of our own code (require/evaluate + activate(), median of ${RUNS} alternating cold processes; wall time, and CPU time):`);
  rows.forEach((r, j) => {
    const kb = (fs.statSync(r.bundle).size / 1024).toFixed(1);
    const parts = `require ${med(runs[j].map(x => x.require)).toFixed(2)} + activate ${med(runs[j].map(x => x.activate)).toFixed(2)}`;
    console.log(
      `  ${r.label}: ${totals[j].toFixed(2)} ms (${parts}) = ${ratios[j].toFixed(2)}× the base (median ratio per round); CPU ${cpus[j].toFixed(2)} ms = ${(cpus[j] / cpus[0]).toFixed(2)}×; bundle ${kb} KB; ${runs[j][0].disposables} disposables`,
    );
  });
}

function main(): void {
  const [base, ...bundles] = process.argv.slice(2).map(b => path.resolve(b));
  if (base) return compare(base, bundles.length ? bundles : [BUNDLE]);
  bench(BUNDLE, 'node');
  bench(BUNDLE, 'web');
}

main();
