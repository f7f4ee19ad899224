/**
 * The one escaping rule for CRM text in Markdown (src/data/markdown.ts), rendered as VS Code renders it: marked for
 * hovers, tooltips and chat (with its theme-icon pass), markdown-it for the Markdown preview of detail documents.
 * The fuzz test renders random CRM text (fixed seed, a few seconds at most) in every place our surfaces put it and
 * fails on any link or image, raw HTML or theme icon that came from the text, or text that does not read as written.
 */
import * as assert from 'assert';
import { pathToFileURL } from 'url';
import { escapeMarkdown, mdEscape } from '../../../src/data/markdown';

interface MdToken {
  type: string;
  tag: string;
  content: string;
  attrGet(name: string): string | null;
  children: MdToken[] | null;
}
interface MarkdownIt {
  parse(src: string, env: object): MdToken[];
  render(src: string): string;
  linkify: { set(o: { fuzzyLink: boolean }): void };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownItCtor = require('markdown-it') as new (opts: { html: boolean; linkify: boolean }) => MarkdownIt;

interface MarkedToken {
  type: string;
  href?: string;
  raw: string;
}
interface Marked {
  lexer(src: string): MarkedToken[];
  parser(tokens: MarkedToken[]): string;
  walkTokens(tokens: MarkedToken[], f: (t: MarkedToken) => void): void;
}

/** marked 18 is an ES module; the unit tests are CommonJS (a Function keeps tsc from turning import() into require). */
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<{ marked: Marked }>;

/** The Markdown preview's engine as VS Code configures it (HTML allowed, linkify without scheme-less links). */
const preview = new MarkdownItCtor({ html: true, linkify: true });
preview.linkify.set({ fuzzyLink: false });
/** markdown-it's defaults, scheme-less links included (a stricter renderer than VS Code's). */
const fuzzy = new MarkdownItCtor({ html: true, linkify: true });

const WEB = /^(https?:|mailto:)/i;
/** VS Code's theme-icon pass (iconLabels.ts): `$(name)` or `$(name~modifier)` unless a backslash precedes it. */
const ICON = /(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;
/** What VS Code does to a MarkdownString with theme icons before marked (markdownEscapeEscapedIcons). */
const escapeEscapedIcons = (s: string): string => s.replace(/\\\$\([a-z0-9-]+?(?:~[a-z0-9-]*?)?\)/gi, m => `\\${m}`);

const decode = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Where our surfaces put CRM text: a paragraph, bold, italics, a list item, a heading, a link's text, a table, a quote, a second line. */
const OWN_LINK = 'https://app.attio.com/acme/person/1';
const CONTEXTS: ((x: string) => string)[] = [
  x => x,
  x => `**${x}**`,
  x => `*${x}* · ${x}`,
  x => `- ${x}`,
  x => `# ${x}`,
  x => `[${x}](${OWN_LINK})`,
  x => `| A | B |\n| --- | --- |\n| ${x} | ${x}<br>${x} |`,
  x => `> ${x}`,
  x => `Intro\n${x}`,
  x => `1. ${x}`,
];

/** What is live in this Markdown, built from CRM text, under marked (VS Code's hover/chat pipeline); empty when inert. */
function markedFaults(marked: Marked, markdown: string): string[] {
  const tokens = marked.lexer(escapeEscapedIcons(markdown));
  const faults: string[] = [];
  marked.walkTokens(tokens, t => {
    if ((t.type === 'link' || t.type === 'image') && t.href !== OWN_LINK) faults.push(`marked ${t.type} to ${t.href}`);
    if (t.type === 'html' && !/^<br>$/.test(t.raw)) faults.push(`marked raw HTML ${t.raw}`);
  });
  for (const m of marked.parser(tokens).matchAll(ICON)) if (!m[1]) faults.push(`marked theme icon $(${m[2]})`);
  return faults;
}

const markedFault = (marked: Marked, markdown: string): string | undefined => markedFaults(marked, markdown)[0];

/** The same under markdown-it (the preview): links only where we put one, nothing else live. */
function markdownItFault(md: MarkdownIt, markdown: string, strict: boolean): string | undefined {
  const walk = (tokens: MdToken[]): string | undefined => {
    for (const t of tokens) {
      if (t.type === 'link_open' || t.type === 'image') {
        const href = t.attrGet('href') ?? t.attrGet('src') ?? '';
        if (href !== OWN_LINK && (strict || !WEB.test(href))) return `markdown-it ${t.type} to ${href}`;
      }
      if ((t.type === 'html_inline' || t.type === 'html_block') && t.content !== '<br>') return `markdown-it raw HTML ${t.content}`;
      const inner = t.children && walk(t.children);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(md.parse(markdown, {}));
}

/** A small seeded generator (mulberry32): the same texts on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'https://', 'http://', 'file:///etc/passwd', 'command:attio.signOut', 'vscode://x', 'javascript:alert(1)', 'data:text/html,x', 'mailto:',
  'www.', 'acme.com', '@', 'a@b.co', '<', '>', '</a>', '<img src=x>', '<a href="file:///x">', '<!-- ', '[', ']', '(', ')', '![', '](',
  '[x]: ', '\\', '\\<', '`', '```', '~~~', '~', '*', '**', '_', '#', '- ', '+ ', '1. ', '1) ', '> ', '|', '---', '===', '&', '&lt;',
  '&#58;', '&#x3C;', '$', '$(', '$(alert)', '$(sync~spin)', '\\$(alert)', ':', '#L1', '%3C', '"', "'", ' ', '  ', '\n', '\r\n', '\t',
  '\u00a0', '\u2028', 'Acme', 'Deal', 'é', '日本',
];

function crmText(next: () => number): string {
  const n = Math.floor(next() * 24);
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = next();
    s += r < 0.75 ? PIECES[Math.floor(next() * PIECES.length)] : String.fromCharCode(32 + Math.floor(next() * 95));
  }
  return s;
}

suite('CRM text in Markdown (one escaping rule, markdown-it and marked)', () => {
  let marked: Marked;
  suiteSetup(async () => {
    marked = (await importModule(pathToFileURL(require.resolve('marked')).href)).marked;
  });

  test('one line: line breaks collapse, so nothing can start a block below the line it is put in', () => {
    assert.strictEqual(mdEscape('Acme\n~~~\nfake\r\n\n# x'), 'Acme \\~\\~\\~ fake \\# x');
    assert.strictEqual(mdEscape('  a \t b  '), 'a b');
    assert.strictEqual(escapeMarkdown('a\nb'), 'a\nb', 'block text keeps its lines (each goes through the same rule)');
  });

  test('each mark that starts a construct is escaped; other punctuation stays readable', () => {
    assert.strictEqual(mdEscape('a|b [c] *d* _e_ `f` <g> #h ~i & $j'), 'a\\|b \\[c\\] \\*d\\* \\_e\\_ \\`f\\` \\<g\\> \\#h \\~i \\& \\$j');
    assert.strictEqual(mdEscape('Acme, Inc. (EU) - 2025 "Q3"; 50% / yes?'), 'Acme, Inc. (EU) - 2025 "Q3"; 50% / yes?');
    for (const [start, escaped] of [['- x', '\\- x'], ['+ x', '\\+ x'], ['= x', '\\= x'], ['12. x', '12\\. x'], ['3) x', '3\\) x'], ['# x', '\\# x'], ['> x', '\\> x']]) {
      assert.strictEqual(mdEscape(start), escaped, start);
    }
    assert.strictEqual(mdEscape('https://acme.com'), 'https\\://acme.com', 'no scheme is ever written out');
    assert.strictEqual(mdEscape('WWW.acme.com a@b.co'), 'WWW\\.acme.com a\\@b.co');
    assert.strictEqual(mdEscape('$(alert) \\$(x) $5'), '\\$\u2060(alert) \\\\\\$\u2060(x) \\$5', 'an invisible word joiner keeps $( from reading as a theme icon');
  });

  test("marked's bare URL and a theme icon: no live file: link, no icon (VS Code's hover pipeline)", () => {
    const issue = 'Acme https://acme.com<file:///etc/passwd#L1>';
    assert.ok(markedFaults(marked, 'Acme https://acme.com\\<file:///etc/passwd#L1>').includes('marked link to file:///etc/passwd#L1'), 'what escaping only < let through');
    assert.strictEqual(markedFault(marked, mdEscape(issue)), undefined);
    assert.ok(markedFaults(marked, '\\$\\(alert\\) &#36;(sync~spin)').length === 2, 'neither backslashes nor an entity protect an icon');
    assert.strictEqual(markedFault(marked, mdEscape('$(alert) $(sync~spin) \\$(alert)')), undefined);
    assert.strictEqual(decode(marked.parser(marked.lexer(mdEscape(issue)))).trim(), issue);
  });

  test('a spoofed title (line break and ~~~) stays one line of text in a confirmation', () => {
    const title = 'Acme\n~~~\nharmless\n~~~\n';
    const html = preview.render(`Add a note to **${mdEscape(title)}**?\n\nContent:\n\n\`\`\`text\nreal\n\`\`\``);
    assert.ok(!/<pre>[\s\S]*harmless/.test(html), html);
    assert.match(decode(html), /Add a note to Acme ~~~ harmless ~~~\?/);
    assert.match(html, /<pre><code class="language-text">real/);
  });

  test('fuzz: random CRM text in every context renders with no link, image, HTML or icon of its own, and reads as written', function () {
    const next = random(0x5eed_0019);
    const deadline = Date.now() + 3_000;
    let runs = 0;
    while (Date.now() < deadline && runs < 20_000) {
      const text = crmText(next);
      const x = mdEscape(text);
      // a $ after an even run of backslashes (none included) would be live: math in the preview
      assert.ok(!/(^|[^\\])(\\\\)*\$/.test(x), `every $ escaped: ${JSON.stringify(text)}`);
      for (const context of CONTEXTS) {
        const markdown = context(x);
        const fault = markedFault(marked, markdown) ?? markdownItFault(preview, markdown, true) ?? markdownItFault(fuzzy, markdown, false);
        assert.strictEqual(fault, undefined, `${JSON.stringify(text)} in ${JSON.stringify(context('{x}'))}`);
      }
      const shown = text.replace(/\s+/g, ' ').trim().replace(/\$\(/g, '$\u2060(');
      assert.strictEqual(decode(preview.render(x)).trim(), shown, `markdown-it shows ${JSON.stringify(text)} as written`);
      assert.strictEqual(decode(marked.parser(marked.lexer(x))).trim(), shown, `marked shows ${JSON.stringify(text)} as written`);
      runs++;
    }
    assert.ok(runs >= 20, `ran ${runs} texts in 3 s (a loaded machine runs fewer; CI runs hundreds)`);
  });
});
