/**
 * The dependency rule of ARCHITECTURE.md, read from the import statements of src/: which folder may import
 * which, `src/attio` and `src/data` free of `vscode`, no cycles between folders, nothing imports extension.ts.
 * A failure names the file and the import.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '..', '..', '..', 'src');

/**
 * Folder (or root file) → the folders it may import. `constants` is a leaf every part may read; so is `platform`, the
 * seam between the Node and the web build (lazy modules, host environment), which imports nothing of ours.
 */
export const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  constants: [],
  platform: [],
  attio: ['platform'],
  data: ['attio', 'constants', 'platform'],
  common: ['attio', 'constants', 'platform'],
  session: ['attio', 'common', 'constants', 'platform'],
  signIn: ['session', 'attio', 'common', 'constants', 'platform'],
  ui: ['data', 'session', 'attio', 'common', 'constants', 'platform'],
  detail: ['data', 'session', 'attio', 'common', 'constants', 'platform'],
  views: ['data', 'detail', 'ui', 'session', 'attio', 'common', 'constants', 'platform'],
  account: ['signIn', 'session', 'attio', 'common', 'constants', 'platform'],
  editor: ['data', 'detail', 'ui', 'session', 'attio', 'common', 'constants', 'platform'],
  chat: ['data', 'ui', 'session', 'attio', 'common', 'constants', 'platform'],
  developer: ['data', 'session', 'attio', 'common', 'constants', 'platform'],
  typegen: ['data', 'attio', 'constants', 'platform'],
  typedCode: ['typegen', 'data', 'session', 'attio', 'common', 'constants', 'platform'],
  project: ['attio', 'common', 'constants', 'platform'],
  extension: ['*'],
};

/** Folders that must run without VS Code (plain Node, unit tests, a future web worker). */
const VSCODE_FREE = ['attio', 'data', 'constants', 'platform', 'typegen'];

interface Import {
  file: string;
  line: number;
  spec: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(d => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : d.name.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): Import[] {
  const out: Import[] = [];
  const text = fs.readFileSync(file, 'utf8');
  const re = /^\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ file, line: text.slice(0, m.index).split('\n').length, spec: m[1] ?? m[2] ?? m[3] });
  }
  return out;
}

/** The part of src/ a file belongs to: its top folder, or its base name for files at the top. */
function partOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length > 1 ? rel[0] : rel[0].replace(/\.ts$/, '');
}

function resolveLocal(imp: Import): string | undefined {
  if (!imp.spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(imp.file), imp.spec);
  for (const c of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(c)) return c;
  return `${base}.ts`;
}

const where = (imp: Import): string => `${path.relative(SRC, imp.file)}:${imp.line} imports '${imp.spec}'`;

suite('Architecture: the dependency rule of src/', () => {
  const files = sourceFiles(SRC);
  const imports = files.flatMap(importsOf);
  /** Imports from one part of src/ into another. */
  const crossings = imports.flatMap(imp => {
    const target = resolveLocal(imp);
    const from = partOf(imp.file);
    const to = target && partOf(target);
    return to && to !== from ? [{ imp, from, to }] : [];
  });

  test('every part of src/ is in the rule table', () => {
    const unknown = [...new Set(files.map(partOf))].filter(p => !(p in ALLOWED));
    assert.deepStrictEqual(unknown, [], 'add new folders to ALLOWED here and to ARCHITECTURE.md');
  });

  test('each part imports only the parts it may', () => {
    const bad: string[] = [];
    for (const { imp, from, to } of crossings) {
      const allowed = ALLOWED[from] ?? [];
      if (!allowed.includes('*') && !allowed.includes(to)) bad.push(`${where(imp)} (${from} may not import ${to})`);
    }
    assert.deepStrictEqual(bad, []);
  });

  test('src/attio, src/data, src/platform, src/typegen and constants import nothing from vscode', () => {
    const bad = imports.filter(i => VSCODE_FREE.includes(partOf(i.file)) && i.spec === 'vscode').map(where);
    assert.deepStrictEqual(bad, []);
  });

  test('nothing imports extension.ts', () => {
    const bad = imports.filter(i => resolveLocal(i) === path.join(SRC, 'extension.ts')).map(where);
    assert.deepStrictEqual(bad, []);
  });

  test('no cycles between folders', () => {
    const edges = new Map<string, Map<string, Import>>();
    for (const { imp, from, to } of crossings) {
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, imp);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (n: string): void => {
      state.set(n, 'open');
      stack.push(n);
      for (const [m, imp] of edges.get(n) ?? []) {
        if (state.get(m) === 'open') cycles.push(`${[...stack.slice(stack.indexOf(m)), m].join(' → ')} (closed by ${where(imp)})`);
        else if (!state.has(m)) visit(m);
      }
      stack.pop();
      state.set(n, 'done');
    };
    for (const n of edges.keys()) if (!state.has(n)) visit(n);
    assert.deepStrictEqual(cycles, []);
  });

  test('no import circles between files (type-only imports included)', () => {
    assert.deepStrictEqual(fileCircles(files, imports), []);
  });

  test('ARCHITECTURE.md describes every part', () => {
    const doc = fs.readFileSync(path.resolve(SRC, '..', 'ARCHITECTURE.md'), 'utf8');
    for (const part of Object.keys(ALLOWED)) if (part !== 'extension' && part !== 'constants') assert.ok(doc.includes(`src/${part}/`), `ARCHITECTURE.md describes src/${part}/`);
  });

  test('no file under src/ is over 400 lines', () => {
    const long = files.map(f => [path.relative(SRC, f), fs.readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
    assert.deepStrictEqual(long, []);
  });
});

/**
 * The import circles between files, one per knot of files that reach each other (a strongly connected component),
 * each named by its shortest circle through its first file: "a.ts → b.ts → a.ts" (paths relative to src/).
 */
export function fileCircles(files: readonly string[], imports: readonly Import[]): string[] {
  const edges = new Map<string, Set<string>>(files.map(f => [f, new Set<string>()]));
  for (const imp of imports) {
    const target = resolveLocal(imp);
    if (target && edges.has(target)) edges.get(imp.file)!.add(target);
  }
  // Tarjan's strongly connected components
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const knots: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const knot: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        knot.push(w);
      } while (w !== v);
      if (knot.length > 1 || edges.get(v)!.has(v)) knots.push(knot);
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  const rel = (f: string): string => path.relative(SRC, f).split(path.sep).join('/');
  return knots.map(knot => {
    const inKnot = new Set(knot);
    const start = [...knot].sort()[0];
    // breadth-first from start back to start, within the knot: the shortest circle through it
    const from = new Map<string, string>();
    const queue = [start];
    let last: string | undefined;
    while (queue.length && !last) {
      const v = queue.shift()!;
      for (const w of edges.get(v)!) {
        if (w === start) {
          last = v;
          break;
        }
        if (inKnot.has(w) && !from.has(w)) {
          from.set(w, v);
          queue.push(w);
        }
      }
    }
    const circle = [start];
    for (let v = last!; v !== start; v = from.get(v)!) circle.splice(1, 0, v);
    const more = knot.length > circle.length ? ` (a knot of ${knot.length} files)` : '';
    return `${[...circle, start].map(rel).join(' → ')}${more}`;
  });
}
