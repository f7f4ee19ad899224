/**
 * The Getting Started walkthrough, Restricted Mode and what the package ships, checked against the manifest and the
 * code: every step completes on an event that exists (a contributed command, a contributed view, a context key the
 * extension sets), every image exists and is small, the restricted settings are exactly the credential settings.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { listFiles, PackageManager } from '@vscode/vsce';
import { ContextKeys, Walkthrough } from '../../../src/constants';
import { ROOT, rawManifest } from './read';

const pkg = rawManifest();
const commands = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
const views = new Set<string>(Object.values<{ id: string }[]>(pkg.contributes.views).flat().map(v => v.id));
const walkthrough = pkg.contributes.walkthroughs.find((w: { id: string }) => w.id === Walkthrough.id);

interface Step {
  id: string;
  description: string;
  media: { image?: string; svg?: string; markdown?: string; altText?: string };
  completionEvents: string[];
}

/** Every file of src/ with its text. */
function sources(dir = path.join(ROOT, 'src')): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [{ file: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8') }] : [];
  });
}

/** PNG width and height from the IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  assert.strictEqual(b.toString('latin1', 1, 4), 'PNG', `${file} is a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

suite('Walkthrough, Restricted Mode and the package', () => {
  test('the walkthrough has the five steps of the first minute, in order', () => {
    assert.ok(walkthrough, `walkthrough ${Walkthrough.id}`);
    assert.strictEqual(Walkthrough.qualifiedId, `${pkg.publisher}.${pkg.name}#${Walkthrough.id}`);
    assert.deepStrictEqual(walkthrough.steps.map((s: Step) => s.id), ['signIn', 'verifyConnection', 'browse', 'recordLink', 'chat']);
  });

  test('every completion event names a contributed command, a contributed view or a context key the extension sets', () => {
    const src = sources();
    const keyNames = new Map(Object.entries(ContextKeys).map(([name, key]) => [key as string, name]));
    const problems: string[] = [];
    for (const step of walkthrough.steps as Step[]) {
      assert.ok(step.completionEvents.length > 0, `${step.id} completes on a real event, not on being selected`);
      for (const e of step.completionEvents) {
        const [, kind, arg] = /^(onCommand|onView|onContext):(.+)$/.exec(e) ?? [];
        if (kind === 'onCommand' && !commands.has(arg)) problems.push(`${step.id}: ${e} is not a contributed command`);
        else if (kind === 'onView' && !views.has(arg)) problems.push(`${step.id}: ${e} is not a contributed view`);
        else if (kind === 'onContext') {
          const name = keyNames.get(arg);
          // set through setContext or markOnce with the constant (never a string literal elsewhere)
          const setters = name ? src.filter(f => new RegExp(`(setContext', |markOnce\\()ContextKeys\\.${name}\\b`).test(f.text)) : [];
          if (!name) problems.push(`${step.id}: ${e} is not in ContextKeys`);
          else if (setters.length === 0) problems.push(`${step.id}: nothing in src/ sets ContextKeys.${name}`);
        } else if (!kind) problems.push(`${step.id}: ${e} is not an onCommand/onView/onContext event`);
      }
    }
    assert.deepStrictEqual(problems, []);
  });

  test("each step's buttons run contributed commands (or the workbench's own view and chat commands)", () => {
    const workbench = new Set(['workbench.view.extension.attio', 'workbench.action.chat.open']);
    const english = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    for (const step of walkthrough.steps as Step[]) {
      const text = english[step.description.replace(/%/g, '')];
      const links = [...text.matchAll(/\(command:([\w.]+)\)/g)].map(m => m[1]);
      assert.ok(links.length > 0, `${step.id} has a button`);
      for (const c of links) assert.ok(commands.has(c) || workbench.has(c), `${step.id}: ${c}`);
    }
    assert.ok(pkg.contributes.viewsContainers.activitybar.some((c: { id: string }) => `workbench.view.extension.${c.id}` === 'workbench.view.extension.attio'));
  });

  test('every step has an image from media/walkthrough that exists, with alt text, small enough for the package', () => {
    let total = 0;
    for (const step of walkthrough.steps as Step[]) {
      const file = step.media.image ?? step.media.svg;
      assert.ok(file && /^media\/walkthrough\/[\w-]+\.(png|svg)$/.test(file), `${step.id}: ${file}`);
      const full = path.join(ROOT, file);
      assert.ok(fs.existsSync(full), `${file} exists`);
      assert.match(step.media.altText ?? '', /^%walkthrough\.gettingStarted\.\w+\.altText%$/, `${step.id} alt text`);
      const bytes = fs.statSync(full).size;
      total += bytes;
      assert.ok(bytes <= 20_000, `${file}: ${bytes} bytes (≤ 20 KB)`);
      if (file.endsWith('.png')) {
        const { width, height } = pngSize(full);
        assert.ok(width <= 800 && height <= 600, `${file}: ${width}×${height}`);
      } else assert.doesNotMatch(fs.readFileSync(full, 'utf8'), /<script|href=|xlink:href/i, `${file} is a plain picture`);
    }
    assert.ok(total <= 60_000, `walkthrough media ${total} bytes`);
  });

  test('Restricted Mode: supported (limited), and the restricted settings are exactly the API and OAuth settings and the one that lets other extensions use the tools', () => {
    const props = pkg.contributes.configuration.properties as Record<string, { restricted?: boolean; scope?: string }>;
    const credentials = Object.keys(props).filter(k => k === 'attio.apiBaseUrl' || k.startsWith('attio.oauth.') || k === 'attio.chat.allowToolsOutsideChat').sort();
    assert.deepStrictEqual(credentials.length, 8, 'apiBaseUrl, the six attio.oauth.* settings (brokerUrl included) and attio.chat.allowToolsOutsideChat');
    const u = pkg.capabilities.untrustedWorkspaces;
    // `restrictedConfigurations` is read only with `supported: 'limited'` (VS Code's Workspace Trust guide)
    assert.strictEqual(u.supported, 'limited');
    assert.match(u.description, /^%.+%$/);
    assert.deepStrictEqual([...u.restrictedConfigurations].sort(), credentials);
    for (const k of credentials) {
      assert.strictEqual(props[k].restricted, true, `${k} is restricted`);
      assert.strictEqual(props[k].scope, 'application', `${k} is read from user settings only`);
    }
    assert.strictEqual(pkg.capabilities.virtualWorkspaces, true);
  });

  test('extensionKind prefers the workspace side (the harness runs it in the remote Node host) and allows the UI side', () => {
    assert.deepStrictEqual(pkg.extensionKind, ['workspace', 'ui']);
  });

  test('the package ships the translations and the walkthrough media, and none of the screenshots, sources or tests', async function () {
    this.timeout(30_000);
    const files = (await listFiles({ cwd: ROOT, packageManager: PackageManager.None })).map(f => f.replace(/\\/g, '/'));
    const media = (walkthrough.steps as Step[]).map(s => (s.media.image ?? s.media.svg)!);
    for (const f of ['package.json', 'package.nls.json', 'package.nls.de.json', ...media]) assert.ok(files.includes(f), `${f} is shipped: ${files.join(', ')}`);
    const unexpected = files.filter(f => !/^(dist\/.+\.js|media\/(attio\.svg|icon\.png|walkthrough\/[\w-]+\.(png|svg))|package\.json|package\.nls(\.[\w-]+)?\.json|l10n\/bundle\.l10n(\.[\w-]+)?\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(f));
    assert.deepStrictEqual(unexpected, []);
  });
});
