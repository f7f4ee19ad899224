import * as assert from 'assert';
import { RecordUrlScanner, findRecordUrls, parseRecordUrl } from '../../../src/editor/recordUrls';
import { bigFile } from './bigFile';
import { leastCpuMs } from '../cpuTime';

const ID = 'bf071e1f-6035-429d-b874-d83ea64ea13b';
const ID2 = '891dcbfc-9141-415d-9b2a-2238a6cc012d';
const PERSON = `https://app.attio.com/salarya/person/${ID}`;
const COMPANY = `https://app.attio.com/northwind-labs/company/${ID2}`;

/** The links `findRecordUrls` reports for `text`, as the substrings at their offsets. */
function links(text: string, options?: Parameters<typeof findRecordUrls>[1]): string[] {
  return findRecordUrls(text, options).map((m) => {
    assert.strictEqual(text.slice(m.start, m.end), m.url, 'offsets and url agree');
    return m.url;
  });
}

suite('Record URLs: recognition', () => {
  // [name, text, the links it holds]
  const table: [string, string, string[]][] = [
    ['a bare person URL', PERSON, [PERSON]],
    ['a company URL in prose', `See ${COMPANY} for the account.`, [COMPANY]],
    ['a custom object (singular noun)', `https://app.attio.com/acme/partnership/${ID}`, [`https://app.attio.com/acme/partnership/${ID}`]],
    ['a trailing /overview belongs to the link', `${PERSON}/overview`, [`${PERSON}/overview`]],
    ['deeper path, query and fragment belong to the link', `${PERSON}/notes?modal=note&id=${ID2}#top`, [`${PERSON}/notes?modal=note&id=${ID2}#top`]],
    ['a record/ segment before the id (links to deals seen in the wild)', `https://app.attio.com/acme/deals/record/${ID}/notes`, [`https://app.attio.com/acme/deals/record/${ID}/notes`]],
    ['an upper-case id', `https://app.attio.com/acme/person/${ID.toUpperCase()}`, [`https://app.attio.com/acme/person/${ID.toUpperCase()}`]],
    ['two links on one line', `${PERSON} and ${COMPANY}`, [PERSON, COMPANY]],
    ['links on several lines', `one ${PERSON}\ntwo\r\nthree ${COMPANY}/overview\n`, [PERSON, `${COMPANY}/overview`]],
    // Wrapping and markup: exactly the URL.
    ['a Markdown link target', `[Ada](${PERSON})`, [PERSON]],
    ['a Markdown link target with /overview', `[Ada](${PERSON}/overview).`, [`${PERSON}/overview`]],
    ['a Markdown link whose text is the URL', `[${PERSON}](${PERSON})`, [PERSON, PERSON]],
    ['a Markdown link with a title', `[Ada](${PERSON}/overview "Ada")`, [`${PERSON}/overview`]],
    ['angle brackets', `<${PERSON}/overview>`, [`${PERSON}/overview`]],
    ['double quotes', `const url = "${PERSON}/overview";`, [`${PERSON}/overview`]],
    ['single quotes', `open('${PERSON}')`, [PERSON]],
    ['backticks', `\`${PERSON}/overview\``, [`${PERSON}/overview`]],
    ['an HTML attribute', `<a href="${PERSON}/overview">Ada</a>`, [`${PERSON}/overview`]],
    ['a JSON string', `{"web_url":"${PERSON}"}`, [PERSON]],
    ['parentheses in prose', `(see ${PERSON}/overview), then`, [`${PERSON}/overview`]],
    ['Markdown emphasis', `**${PERSON}/overview**`, [`${PERSON}/overview`]],
    ['a query that holds balanced parentheses keeps them', `${PERSON}/notes?q=(a)`, [`${PERSON}/notes?q=(a)`]],
    // Trailing punctuation is not part of the link.
    ...['.', ',', ';', ':', '!', '?', ')', ']', '>', '"', "'", '...', '?!', '").'].map((p): [string, string, string[]] =>
      [`trailing ${JSON.stringify(p)} after /overview`, `${PERSON}/overview${p}`, [`${PERSON}/overview`]]),
    ...['.', ',', ')', ']', '>', '"'].map((p): [string, string, string[]] => [`trailing ${JSON.stringify(p)} after the id`, `${PERSON}${p}`, [PERSON]]),
    // Near misses.
    ['http: is not Attio', `http://app.attio.com/salarya/person/${ID}`, []],
    ['another host that starts like Attio', `https://app.attio.com.evil.net/salarya/person/${ID}`, []],
    ['another host that ends like Attio', `https://evilapp.attio.com/salarya/person/${ID}`, []],
    ['a user-info trick', `https://app.attio.com@evil.net/salarya/person/${ID}`, []],
    ['a port', `https://app.attio.com:8443/salarya/person/${ID}`, []],
    ['api.attio.com', `https://api.attio.com/v2/objects/people/records/${ID}`, []],
    ['a longer scheme', `xhttps://app.attio.com/salarya/person/${ID}`, []],
    ['a missing id', 'https://app.attio.com/salarya/person/', []],
    ['the workspace and object only', 'https://app.attio.com/salarya/person', []],
    ['a workspace page', 'https://app.attio.com/salarya', []],
    ['the id without an object', `https://app.attio.com/salarya/${ID}`, []],
    ['a malformed UUID (short last group)', `https://app.attio.com/salarya/person/${ID.slice(0, -1)}`, []],
    ['a malformed UUID (too long)', `https://app.attio.com/salarya/person/${ID}0`, []],
    ['a malformed UUID (not hex)', `https://app.attio.com/salarya/person/${ID.replace('b', 'g')}`, []],
    ['a malformed UUID (no dashes)', `https://app.attio.com/salarya/person/${ID.replace(/-/g, '')}`, []],
    ['an id followed by more of a word', `https://app.attio.com/salarya/person/${ID}-x`, []],
    ['a call recording (two ids, not a record)', `https://app.attio.com/salarya/calls/${ID}/${ID2}`, []],
    ['a list (collection) is not a record', `https://app.attio.com/salarya/collection/${ID}`, []],
    ['settings pages', 'https://app.attio.com/_/settings/data/objects', []],
    ['OAuth URLs', 'https://app.attio.com/authorize?client_id=x and https://app.attio.com/oauth/token', []],
    ['no URL at all', 'const x = 1; // person bf071e1f', []],
  ];

  for (const [name, text, expected] of table) {
    test(name, () => assert.deepStrictEqual(links(text), expected));
  }

  test('reports workspace slug, object segment, lower-case record id and exact offsets', () => {
    const text = `- [Ada](${PERSON.replace(ID, ID.toUpperCase())}/overview) and <${COMPANY}>`;
    const [a, b] = findRecordUrls(text);
    assert.deepStrictEqual(
      { start: a.start, end: a.end, workspaceSlug: a.workspaceSlug, object: a.object, recordId: a.recordId },
      { start: 8, end: 8 + PERSON.length + '/overview'.length, workspaceSlug: 'salarya', object: 'person', recordId: ID },
    );
    assert.deepStrictEqual(
      { start: b.start, end: b.end, workspaceSlug: b.workspaceSlug, object: b.object, recordId: b.recordId },
      { start: text.indexOf('<') + 1, end: text.length - 1, workspaceSlug: 'northwind-labs', object: 'company', recordId: ID2 },
    );
  });

  test('other workspaces are recognised; the caller tells them apart by workspaceSlug', () => {
    const found = findRecordUrls(`${PERSON} https://app.attio.com/globex-trading/person/${ID2}`);
    assert.deepStrictEqual(found.map((m) => m.workspaceSlug), ['salarya', 'globex-trading']);
  });

  test('a configured app origin is recognised besides app.attio.com; other hosts still are not', () => {
    const text = `https://attio.example.test/acme/person/${ID} ${PERSON} https://other.example.test/acme/person/${ID}`;
    assert.deepStrictEqual(links(text), [PERSON]);
    assert.deepStrictEqual(links(text, { appOrigins: ['https://attio.example.test/'] }), [`https://attio.example.test/acme/person/${ID}`, PERSON]);
    assert.deepStrictEqual(new RecordUrlScanner(['not a url', 'ftp://x.test']).origins, ['https://app.attio.com']);
  });
});

suite('Record URLs: parseRecordUrl', () => {
  test('parses one URL, with or without trailing segments', () => {
    assert.deepStrictEqual(parseRecordUrl(PERSON), { url: PERSON, workspaceSlug: 'salarya', object: 'person', recordId: ID });
    assert.deepStrictEqual(parseRecordUrl(` ${COMPANY}/overview?tab=notes \n`), {
      url: `${COMPANY}/overview?tab=notes`,
      workspaceSlug: 'northwind-labs',
      object: 'company',
      recordId: ID2,
    });
  });

  test('refuses near misses and anything around the URL', () => {
    for (const url of [
      `http://app.attio.com/salarya/person/${ID}`,
      `https://app.attio.com.evil.net/salarya/person/${ID}`,
      'https://app.attio.com/salarya/person',
      `https://app.attio.com/salarya/person/${ID}0`,
      `<${PERSON}>`,
      `${PERSON}.`,
      `see ${PERSON}`,
      '',
    ]) {
      assert.strictEqual(parseRecordUrl(url), undefined, url);
    }
  });

  test('a configured origin parses only when passed', () => {
    const url = `http://localhost:3000/acme/person/${ID}`;
    assert.strictEqual(parseRecordUrl(url), undefined);
    assert.strictEqual(parseRecordUrl(url, { appOrigins: ['http://localhost:3000'] })?.recordId, ID);
  });
});

suite('Record URLs: a 10,000-line file', () => {
  const { text, urlLines, ids } = bigFile();
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return line;
  };

  test('finds every link, on its line, with its id, and nothing else', () => {
    const found = findRecordUrls(text);
    assert.strictEqual(found.length, 50);
    assert.deepStrictEqual(found.map((m) => lineOf(m.start)), urlLines);
    assert.deepStrictEqual(found.map((m) => m.recordId), ids);
    for (const m of found) assert.ok(!/[.)]$/.test(m.url), m.url);
  });

  test('a range finds exactly the links overlapping it, including one cut by either edge', () => {
    const all = findRecordUrls(text);
    const first = all[10];
    const last = all[12];
    // A range that starts in the middle of one link and ends in the middle of another.
    const range = { start: first.start + 20, end: last.start + 5 };
    assert.deepStrictEqual(findRecordUrls(text, { range }), all.slice(10, 13));
    // The visible lines of a window between two links: none.
    const quiet = { start: lineStarts[urlLines[3] + 1], end: lineStarts[urlLines[4]] };
    assert.deepStrictEqual(findRecordUrls(text, { range: quiet }), []);
    // A range that ends before a link on the same line starts does not report it.
    const line = urlLines[5];
    assert.deepStrictEqual(findRecordUrls(text, { range: { start: lineStarts[line], end: lineStarts[line] + 2 } }), []);
  });

  test('on a line with two links, a range that starts after the first (or inside the second) gives the second', () => {
    const line = `x ${PERSON} y ${COMPANY}/overview z`;
    const second = line.indexOf(COMPANY);
    for (const start of [line.indexOf(' y'), second + 10]) {
      const found = findRecordUrls(`prose\n${line}\nmore`, { range: { start: 6 + start, end: 6 + line.length } });
      assert.deepStrictEqual(found.map((m) => [m.start, m.url]), [[6 + second, `${COMPANY}/overview`]]);
    }
  });
});

suite('Record URLs: hostile text', () => {
  const K200 = 200_000;
  /** `unit` repeated to `size` characters. */
  const fill = (unit: string, size = K200): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

  test('a 200 KB file built to be slow is scanned in 50 ms or less, whatever its shape', () => {
    const files: [string, string][] = [
      ['a link then 200,000 `)` (each once recounted the whole tail)', `${PERSON}/${fill(')')}`],
      ['a link then `.)` repeated', `${PERSON}/${fill('.)')}`],
      ['links each ending in 2,000 `)`', fill(`${PERSON}/${')'.repeat(2000)} `)],
      ['links run together with no space', fill(`${PERSON}/`)],
      ['links each followed by `)`', fill(`${PERSON})`)],
      ['the origin repeated, no record', fill('https://app.attio.com/')],
      ['one endless workspace slug', `https://app.attio.com/${fill('a')}`],
      ['an id followed by 200,000 `_`', `${PERSON}${fill('_')}`],
      ['an id followed by `(` then `)`', `${PERSON}/${fill('(', K200 / 2)}${fill(')', K200 / 2)}`],
    ];
    for (const [name, text] of files) {
      const ms = leastCpuMs(() => findRecordUrls(text));
      assert.ok(ms <= 50, `${name}: ${ms.toFixed(1)} ms`);
    }
  });

  test('a hover on a 5 MB line looks only near the pointer', () => {
    const line = `${fill(')', 5_000_000)} ${PERSON} end`;
    const at = line.indexOf(PERSON) + 5;
    let found: string[] = [];
    assert.ok(leastCpuMs(() => (found = links(line, { range: { start: at, end: at + 1 } }))) <= 50);
    assert.deepStrictEqual(found, [PERSON]);
  });

  test('trailing brackets are still dropped one by one; a tail past 2,048 characters is left out of the link', () => {
    assert.deepStrictEqual(links(`(see ${PERSON}/notes))))`), [`${PERSON}/notes`]);
    assert.deepStrictEqual(links(`${PERSON}/a(b)${')'.repeat(1500)}.`), [`${PERSON}/a(b)`]);
    assert.deepStrictEqual(links(`${PERSON}/${'x'.repeat(3000)} and ${COMPANY}`), [PERSON, COMPANY]);
    assert.deepStrictEqual(links(`${PERSON}/${'x'.repeat(2000)}`), [`${PERSON}/${'x'.repeat(2000)}`]);
  });
});
