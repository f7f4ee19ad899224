import * as assert from 'assert';
import { MAX_NOTE_LENGTH, escapeAll, inertMarkdown, safeUrl } from '../../../src/detail/inertMarkdown';
import { leastCpuMs } from '../cpuTime';

/** markdown-it as VS Code's Markdown preview configures it (raw HTML on, bare URLs linkified): the renderer we defend against. */
const MarkdownIt = require('markdown-it') as new (o: object) => { render(md: string): string };
const md = new MarkdownIt({ html: true, linkify: true });

/** Tags plain CommonMark + GFM tables can produce from text; anything else came from raw HTML. */
const MARKDOWN_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'em', 'strong', 'code', 'pre', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'br', 'hr', 's']);

/** What the rendered HTML must never contain, whatever the note said. */
function assertInert(source: string): string {
  const html = md.render(inertMarkdown(source));
  for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    assert.ok(MARKDOWN_TAGS.has(m[1].toLowerCase()), `raw tag <${m[1]}> from ${JSON.stringify(source)}:\n${html}`);
    const attrs = m[2].replace(/\s(href|title|class|style)="[^"]*"/g, '').replace(/\salign="\w+"/g, '').trim();
    assert.strictEqual(attrs, '', `unexpected attributes ${attrs} from ${JSON.stringify(source)}`);
  }
  for (const m of html.matchAll(/href="([^"]*)"/g)) assert.match(m[1], /^(https?:\/\/|mailto:)/, `live link ${m[1]} from ${JSON.stringify(source)}`);
  return html;
}

const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map(m => m[1]);

suite('Inert CRM Markdown', () => {
  const hostile: [string, string, (html: string, out: string) => void][] = [
    ['a remote image becomes a link labelled as an image', '![chart](https://evil.example/pixel.png)', (h, o) => {
      assert.deepStrictEqual(hrefs(h), ['https://evil.example/pixel.png']);
      assert.match(h, />Image: chart</);
      assert.ok(!o.includes('!['));
    }],
    ['an image with a title and no alt', '![](https://x.test/a.png "t")', h => assert.match(h, /<a href="https:\/\/x.test\/a.png">Image<\/a>/)],
    ['a reference-style image', '![logo][l]\n\n[l]: https://cdn.example/logo.png', h => assert.deepStrictEqual(hrefs(h), ['https://cdn.example/logo.png'])],
    ['a data: image is text', '![x](data:image/png;base64,AAAA)', (h, o) => {
      assert.deepStrictEqual(hrefs(h), []);
      assert.match(h, /data:image\/png/);
      assert.ok(o.startsWith('\\!\\['));
    }],
    ['a command link shows as text', '[Sign out](command:attio.signOut)', h => {
      assert.deepStrictEqual(hrefs(h), []);
      assert.match(h, /\[Sign out\]\(command:attio.signOut\)/);
    }],
    ['a command link with arguments', '[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)', h => assert.deepStrictEqual(hrefs(h), [])],
    ['vscode: and vscode-insiders: links', '[a](vscode://ms-vscode.x/y) [b](vscode-insiders://x) <vscode://auto/link>', h => assert.deepStrictEqual(hrefs(h), [])],
    ['file:, javascript: and relative links', '[f](file:///etc/passwd) [j](javascript:alert(1)) [r](../records/people/1/x.md) [s](/abs) [q](?a)', h => assert.deepStrictEqual(hrefs(h), [])],
    ['an entity-encoded scheme is still refused', '[j](javascript&colon;alert(1)) [c](&#99;ommand:attio.signOut) [t](java&#x09;script:alert(1))', h => assert.deepStrictEqual(hrefs(h), [])],
    ['a backslash-escaped scheme is still refused', '[c](command\\:attio.signOut)', h => assert.deepStrictEqual(hrefs(h), [])],
    ['an angle-bracket destination', '[c](<command:attio.signOut>) [ok](<https://a.test/x y>)', h => assert.deepStrictEqual(hrefs(h), ['https://a.test/x%20y'])],
    ['a reference definition to a command, used and unused', '[go][g]\n\n[g]: command:attio.signOut\n[h]: vscode://x "t"', h => {
      assert.deepStrictEqual(hrefs(h), []);
      assert.match(h, /\[g\]: command:attio.signOut/);
    }],
    ['shortcut and collapsed references', '[docs] and [docs][]\n\n[docs]: https://docs.attio.com', h => assert.deepStrictEqual(hrefs(h), ['https://docs.attio.com/', 'https://docs.attio.com/'])],
    ['a raw img tag', '<img src="https://evil.example/p.png" onerror="x()">', h => assert.match(h, /&lt;img src=/)],
    ['a script block', '<script>\nalert(1)\n</script>', h => assert.match(h, /&lt;script&gt;|&lt;script>/)],
    ['an inline anchor to a command', 'see <a href="command:attio.signOut">here</a> now', h => assert.deepStrictEqual(hrefs(h), [])],
    ['an HTML comment and an iframe', '<!-- hidden -->\n<iframe src="https://x"></iframe>', h => assert.match(h, /&lt;!-- hidden --/)],
    ['an svg with an event handler', 'a <svg onload=alert(1)> b', () => undefined],
    ['entities that would form a tag stay text', '&lt;img src=x onerror=alert(1)&gt; &#60;script&#62;', h => assert.match(h, /&lt;img src=x/)],
    ['an autolink to the web stays a link; email too', '<https://attio.com/a> <ada@example.com>', h => assert.deepStrictEqual(hrefs(h), ['https://attio.com/a', 'mailto:ada@example.com'])],
    ['a link inside a link text is not live twice', '[a [b](command:x) c](https://ok.test)', h => assert.ok(hrefs(h).every(x => x.startsWith('https://ok.test')))],
    ['an image inside a link', '[![i](https://img.test/a.png)](https://ok.test)', h => assert.deepStrictEqual(hrefs(h), ['https://ok.test/'])],
    ['a code span keeps its text verbatim', 'run `<img src=x>` and `[x](command:y)`', h => {
      assert.match(h, /<code>&lt;img src=x&gt;<\/code>/);
      assert.match(h, /<code>\[x\]\(command:y\)<\/code>/);
    }],
    ['a code span that a table could split is not trusted', '| a | b |\n|---|---|\n| `x | <img src=y>` | z |', () => undefined],
    ['a backslash-escaped backtick does not open a code span', '\\`<img src=x>`', () => undefined],
    ['a fenced block keeps its text verbatim', '```html\n<img src=x>\n[x](command:y)\n```', (h, o) => {
      assert.match(h, /<pre><code class="language-html">&lt;img src=x&gt;\n\[x\]\(command:y\)\n<\/code><\/pre>/);
      assert.ok(o.includes('<img src=x>'), 'verbatim in the Markdown');
    }],
    ['an unclosed fence runs to the end, as code', '```\n<img src=x>', h => assert.match(h, /<pre><code>&lt;img src=x&gt;/)],
    ['a fence inside a list item that the list then closes', '- a\n  ```\n<img src=x>\n  ```', () => undefined],
    ['a fence opened in a quote', '> ```\n<img src=x>\n> ```', () => undefined],
    ['a tilde fence holding backtick fences', '~~~\n```\n<b>\n```\n~~~\n<img src=x>', h => assert.match(h, /&lt;img src=x&gt;/)],
    ['a fence whose info string has a backtick is not a fence', '``` a`b\n<img src=x>\n```', () => undefined],
    ['math is not rendered', 'costs $5 and $\\href{command:x}{y}$', (h, o) => assert.ok(!/(^|[^\\])\$/.test(o))],
    ['a nested container fence with a long run', '> ````\n> ```\n<img src=x>', () => undefined],
    ['a tab-indented fence and html', '\t```\n<img src=x>\n```\n<img src=y>\n```', () => undefined],
    ['CR line endings', 'a\r<img src=x>\r\n<script>', () => undefined],
  ];
  for (const [name, source, check] of hostile) {
    test(name, () => {
      const out = inertMarkdown(source);
      check(assertInert(source), out);
    });
  }

  test('ordinary Markdown keeps its meaning', () => {
    const source = [
      '# Call notes',
      '',
      'Met **Ada** and _Grace_ at [Attio](https://attio.com/pricing?a=1&b=2) — mail <ada@example.com>.',
      '',
      '- first',
      '- second with `code`',
      '',
      '1. one',
      '> quoted',
      '',
      '| Deal | Stage |',
      '| --- | --- |',
      '| Acme | Won |',
      '',
      '```ts',
      'const x = a < b && c > d;',
      '```',
    ].join('\n');
    const html = assertInert(source);
    assert.match(html, /<h1>Call notes<\/h1>/);
    assert.match(html, /<strong>Ada<\/strong> and <em>Grace<\/em>/);
    assert.match(html, /<a href="https:\/\/attio.com\/pricing\?a=1&amp;b=2">Attio<\/a>/);
    assert.match(html, /<a href="mailto:ada@example.com">ada@example.com<\/a>/);
    assert.match(html, /<li>second with <code>code<\/code><\/li>/);
    assert.match(html, /<blockquote>/);
    assert.match(html, /<td>Acme<\/td>/);
    assert.match(html, /<pre><code class="language-ts">const x = a &lt; b &amp;&amp; c &gt; d;/);
  });

  test('text with no Markdown in it comes back unchanged', () => {
    const plain = 'Follow up next week about the renewal, pricing and the 3 open questions.';
    assert.strictEqual(inertMarkdown(plain), plain);
  });

  test('random mixes of hostile fragments never render anything live', () => {
    const parts = ['<img src=https://e.test/p>', '![a](https://e.test/i.png)', '[c](command:attio.signOut)', '<a href="vscode://x">', '```', '~~~', '`', '``', '> ', '- ', '|', '[', ']', '(', ')', '\\', '<', '>', '&lt;', '\n', '\n\n', '    ', 'text', '[r]', '[r]: javascript:x', '*', '$', '<!--', '-->', '<script>', '"', "'", '!', ':', 'command:x', '<https://ok.test>', '<vscode://x>'];
    let seed = 42;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let round = 0; round < 20000; round++) {
      let s = '';
      for (let k = rnd(14) + 1; k > 0; k--) s += parts[rnd(parts.length)];
      assertInert(s);
    }
  });

  test('safeUrl accepts only absolute web and mail URLs', () => {
    assert.strictEqual(safeUrl('https://attio.com'), 'https://attio.com/');
    assert.strictEqual(safeUrl('mailto:a@b.c'), 'mailto:a@b.c');
    for (const bad of ['command:attio.signIn', 'vscode://x', 'javascript:alert(1)', 'file:///etc', 'data:text/html,x', '/rel', 'rel.md', 'https://', ' java\nscript:x']) {
      assert.strictEqual(safeUrl(bad), undefined, bad);
    }
  });

  test('escapeAll shows plain text as written', () => {
    const text = '# <b>[x](command:y)</b> *z* $1 `c`';
    assert.strictEqual(md.render(escapeAll(text)).trim(), `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`);
  });
});

suite('Inert CRM Markdown: hostile notes', () => {
  const MB = 1_000_000;
  /** `unit` repeated to `size` characters. */
  const fill = (unit: string, size = MB): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

  test('a 1 MB note built to be slow renders in 200 ms or less, whatever its shape', function () {
    this.timeout(180_000); // 55 timed renders: the bound is on CPU time, a busy machine only stretches the wall time
    const notes: [string, string][] = [
      ['one line of `[` (each once rescanned the line)', fill('[')],
      ['`![` repeated', fill('![')],
      ['`[a](` repeated (each destination open to the end)', fill('[a](')],
      ['`[a](x (` repeated (titles in parentheses never closed)', fill('[a](x (')],
      ['brackets nested 500,000 deep', fill('[', MB / 2) + fill(']', MB / 2)],
      ['backtick runs of every length up to 1,400', Array.from({ length: 1400 }, (_, k) => `${'`'.repeat(k + 1)}a`).join('').slice(0, MB)],
      ['a code block of backtick runs on one line', `\`\`\`\n${fill('` ')}\n\`\`\``],
      ['a code block of 500,000 lines', `\`\`\`\n${fill('`\n')}\`\`\``],
      ['`<` repeated', fill('<')],
      ['`<a@` repeated', fill('<a@')],
      ['backslashes and brackets', fill('\\[\\\\[')],
    ];
    for (const [name, note] of notes) {
      const ms = leastCpuMs(() => inertMarkdown(note), 5);
      assert.ok(ms <= 200, `${name}: ${ms.toFixed(0)} ms`);
    }
  });

  test('a code block of 400 KB of backtick runs renders (it threw RangeError), fenced longer than its longest run', () => {
    const body = fill('` ', 400_000);
    const out = inertMarkdown(`\`\`\`\n${body}\n\`\`\``);
    assert.strictEqual(out, `\`\`\`\n${body}\n\`\`\``);
    const lines = fill('`\n', 400_000).split('\n').slice(0, -1);
    assert.strictEqual(inertMarkdown(['```', ...lines, '```'].join('\n')).split('\n').length, lines.length + 2);
  });

  test('hostile lines still come out inert and say what was written', () => {
    assert.strictEqual(inertMarkdown('[[[a](https://x.test)'), '\\[\\[[a](https://x.test/)');
    assert.strictEqual(inertMarkdown(fill('[', 10)), fill('\\[', 20));
    assert.ok(inertMarkdown('[a](https://x.test/((((b)))))').startsWith('\\[a\\]'), 'nested deeper than 3: no link of ours');
    assert.deepStrictEqual(hrefs(assertInert('[a](https://x.test/(((b))))')), ['https://x.test/(((b)))'.replace(/[()]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)]);
    assertInert(fill('[a](x (', 5000));
    assertInert(fill('`a``b```', 5000));
  });

  test('a note over 1 MiB is cut there, and says so', () => {
    const out = inertMarkdown(fill('a', MAX_NOTE_LENGTH + 10));
    assert.ok(out.startsWith(fill('a', MAX_NOTE_LENGTH)));
    assert.ok(!out.includes(fill('a', MAX_NOTE_LENGTH + 1)));
    // (escaped as plain text: whichever punctuation the escaping rule marks, the words are these)
    assert.match(out.slice(-100).replace(/\\/g, ''), /a\n\n\(The note is longer than 1048576 characters; the rest is not shown\.\)$/);
  });
});
