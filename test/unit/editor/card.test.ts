/**
 * The hover card builder: what a card shows for each kind of record and state, and that CRM values stay data — the
 * Markdown is rendered (markdown-it with autolinks on, as close to VS Code's renderer as a unit test gets) and every
 * link, image or HTML element in the output must be one of the card's own actions.
 */
import * as assert from 'assert';
import type { AttioAttribute, AttioObject, AttioRecord, AttioValue } from '../../../src/attio';
import { CARD_COMMANDS, hoverCard, identifyingRows, inert, unresolvedNames, type CardContext, type CardState, type LinkArgs } from '../../../src/editor/card';

/** markdown-it comes with @vscode/vsce (a dev dependency, hoisted in package-lock.json); only `render` is used. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (opts: { html: boolean; linkify: boolean }) => { render(src: string): string };
const md = new MarkdownIt({ html: false, linkify: true });
const ID = 'bf071e1f-6035-429d-b874-d83ea64ea13b';
const COMPANY_ID = '891dcbfc-9141-415d-9b2a-2238a6cc012d';
const OWNER = '50cf242c-7fa3-4cad-87d0-75b1af71c57b';
const link: LinkArgs = { workspaceSlug: 'northwind-labs', object: 'person', recordId: ID };

const base = { active_from: '2024-01-01T00:00:00.000000000Z', active_until: null, created_by_actor: { type: 'system', id: null } };
const v = (attribute_type: string, fields: Record<string, unknown>): AttioValue => ({ ...base, ...fields, attribute_type }) as unknown as AttioValue;
const text = (value: string) => v('text', { value });

function record(values: Record<string, AttioValue[]>): AttioRecord {
  return { id: { workspace_id: 'w', object_id: 'o', record_id: ID }, created_at: null, web_url: null, values } as AttioRecord;
}

function object(slug: string, singular: string): AttioObject {
  return { id: { workspace_id: 'w', object_id: `obj-${slug}` }, api_slug: slug, singular_noun: singular, plural_noun: `${singular}s`, created_at: null };
}

function ctx(over: Partial<CardContext> = {}): CardContext {
  return {
    locale: 'en-US',
    timeZone: 'UTC',
    memberName: id => (id === OWNER ? 'Grace Hopper' : undefined),
    recordTitle: (o, id) => (o === 'companies' && id === COMPANY_ID ? 'Acme Robotics' : undefined),
    objectNoun: o => ({ companies: 'Company', people: 'Person' })[o],
    ...over,
  };
}

function personState(values: Record<string, AttioValue[]>, title = 'Ada Lovelace'): CardState {
  return { kind: 'record', workspaceName: 'Northwind Labs', objectSlug: 'people', object: object('people', 'Person'), record: record(values), title };
}

/** The rendered card's links (href), images and raw HTML elements other than markdown-it's own block and inline tags. */
function rendered(markdown: string): { html: string; hrefs: string[]; text: string } {
  const html = md.render(markdown);
  const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map(m => m[1].replace(/&amp;/g, '&'));
  const textOnly = html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return { html, hrefs, text: textOnly };
}

/** Every link is a command URI of a card command, with arguments that are the link's parts or a session id. */
function assertOnlyOwnLinks(markdown: string, expected: number): void {
  const { html, hrefs } = rendered(markdown);
  assert.ok(!/<img/i.test(html), `no image in ${html}`);
  assert.strictEqual(hrefs.length, expected, `links: ${hrefs.join(' | ')}`);
  for (const href of hrefs) {
    const m = /^command:([\w.]+)(?:\?(.*))?$/.exec(href);
    assert.ok(m, `a command link: ${href}`);
    assert.ok(CARD_COMMANDS.includes(m[1]), `${m[1]} is a card command`);
    if (m[2]) {
      const args = JSON.parse(decodeURIComponent(m[2])) as unknown[];
      assert.strictEqual(args.length, 1);
      const a = args[0] as Record<string, unknown>;
      if ('sessionId' in a) assert.deepStrictEqual(Object.keys(a), ['sessionId']);
      else assert.deepStrictEqual(a, link);
    }
  }
}

suite('Editor: hover card', () => {
  test('a person: title, object, workspace, email, company (by title), job title, four actions', () => {
    const card = hoverCard(
      link,
      personState({
        name: [v('personal-name', { first_name: 'Ada', last_name: 'Lovelace', full_name: 'Ada Lovelace' })],
        email_addresses: [v('email-address', { email_address: 'ada@example.com' }), v('email-address', { email_address: 'ada@work.example' })],
        company: [v('record-reference', { target_object: 'companies', target_record_id: COMPANY_ID })],
        job_title: [text('Analyst')],
      }),
      ctx(),
    );
    const { text: shown, hrefs } = rendered(card);
    assert.match(shown, /^Ada Lovelace\n/);
    assert.match(shown, /Person · Northwind Labs/);
    assert.match(shown, /Email: ada@example\.com \(\+1\)/);
    assert.match(shown, /Company: Acme Robotics/);
    assert.match(shown, /Job title: Analyst/);
    assert.deepStrictEqual(
      hrefs.map(h => h.split('?')[0]),
      ['command:attio.openRecordLink', 'command:attio.openRecordLinkInAttio', 'command:attio.revealRecordLink', 'command:attio.copyRecordLinkId'],
    );
    assert.match(shown, /Open Details · .*Open in Attio · .*Reveal in Sidebar · .*Copy ID/);
    assertOnlyOwnLinks(card, 4);
  });

  test('a company shows its domain; a deal its stage, value and owner', () => {
    const company = hoverCard(
      { ...link, object: 'company' },
      { kind: 'record', workspaceName: 'W', objectSlug: 'companies', record: record({ name: [text('Acme')], domains: [v('domain', { domain: 'acme.example', root_domain: 'acme.example' })] }), title: 'Acme' },
      ctx(),
    );
    assert.match(rendered(company).text, /Domain: acme\.example/);
    const rows = identifyingRows(
      record({
        name: [text('Big deal')],
        stage: [v('status', { status: { title: 'Negotiation', is_archived: false } })],
        value: [v('currency', { currency_value: 125000, currency_code: 'USD' })],
        owner: [v('actor-reference', { referenced_actor_type: 'workspace-member', referenced_actor_id: OWNER })],
      }),
      'deals',
      'Big deal',
      ctx(),
    );
    assert.deepStrictEqual(rows.map(r => r.label), ['Stage', 'Value', 'Owner']);
    assert.strictEqual(rows[0].text, 'Negotiation');
    assert.match(rows[1].text, /USD\s?125,000/);
    assert.strictEqual(rows[2].text, 'Grace Hopper');
  });

  test('a custom object shows its first attributes (in attribute order when known), not its title or bookkeeping', () => {
    const rec = record({
      created_at: [v('timestamp', { value: '2024-01-01T00:00:00.000000000Z' })],
      name: [text('Globex partnership')],
      tier: [v('select', { option: { title: 'Gold', is_archived: false } })],
      partner_company: [v('record-reference', { target_object: 'companies', target_record_id: 'aaaaaaaa-9141-415d-9b2a-2238a6cc012d' })],
      priority: [v('rating', { value: 4 })],
      is_active: [v('checkbox', { value: true })],
    });
    const noAttrs = identifyingRows(rec, 'partnerships', 'Globex partnership', ctx());
    assert.deepStrictEqual(noAttrs, [
      { label: 'Tier', text: 'Gold' },
      { label: 'Partner company', text: 'a linked company' },
      { label: 'Priority', text: '★★★★☆' },
    ]);
    const attr = (api_slug: string, title: string): AttioAttribute => ({ id: { workspace_id: 'w', object_id: 'o', attribute_id: api_slug }, api_slug, title, type: 'text', description: null, created_at: null });
    const ordered = identifyingRows(rec, 'partnerships', 'Globex partnership', ctx({ attributes: [attr('name', 'Name'), attr('is_active', 'Active?'), attr('priority', 'Priority')] }));
    assert.deepStrictEqual(ordered.map(r => r.label), ['Active?', 'Priority']);
  });

  test('names the card would show but nobody has loaded are listed (one lookup each, by the hover)', () => {
    const person = record({ company: [v('record-reference', { target_object: 'companies', target_record_id: 'cccccccc-9141-415d-9b2a-2238a6cc012d' })] });
    const u = unresolvedNames(person, 'people', ctx());
    assert.deepStrictEqual([...u.titles].map(([o, ids]) => [o, [...ids]]), [['companies', ['cccccccc-9141-415d-9b2a-2238a6cc012d']]]);
    assert.strictEqual(u.members, false);
    const deal = record({ owner: [v('actor-reference', { referenced_actor_type: 'workspace-member', referenced_actor_id: 'dddddddd-7fa3-4cad-87d0-75b1af71c57b' })] });
    assert.strictEqual(unresolvedNames(deal, 'deals', ctx()).members, true);
    const known = record({ company: [v('record-reference', { target_object: 'companies', target_record_id: COMPANY_ID })] });
    assert.strictEqual(unresolvedNames(known, 'people', ctx()).titles.size, 0);
  });

  test('hostile CRM values stay inert: no HTML, no images, no links, no command links, no theme icons, no formatting', () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '[x](command:attio.signOut)',
      '![i](https://evil.example/p.png)',
      '<a href="command:attio.signOut">x</a>',
      '**bold** _it_ `code` ~~s~~',
      'https://evil.example/phish www.evil.example mail@evil.example',
      '$(alert) $(sync~spin)',
      '&lt;script&gt; &#60;b&#62;',
      '[ref]: command:attio.signOut',
    ];
    for (const h of hostile) {
      const card = hoverCard(
        link,
        personState(
          {
            email_addresses: [v('email-address', { email_address: h })],
            company: [v('record-reference', { target_object: 'companies', target_record_id: COMPANY_ID })],
            job_title: [text(`# ${h}\n\n- ${h}\n> ${h}`)],
          },
          h,
        ),
        ctx({ recordTitle: () => h }),
      );
      assertOnlyOwnLinks(card, 4);
      const { html, text: shown } = rendered(card);
      assert.ok(!/<(h\d|ul|ol|li|blockquote|code|del|s|script)\b/.test(html), `no markup from data: ${html}`);
      assert.strictEqual((html.match(/<strong>/g) ?? []).length, 1, 'only the title is bold');
      assert.strictEqual((html.match(/<em>/g) ?? []).length, 1, 'only the object noun is in italics');
      assert.ok(!/(^|[^\\])\$\(/.test(card.replace(/\[\$\((open-preview|link-external|list-tree|copy)\)/g, '')), 'every $( of data is escaped');
      const flat = h.replace(/\s+/g, ' ').replace(/\$\(/g, '$\u2060('); // a word joiner keeps $( from being an icon
      assert.ok(shown.includes(flat.slice(0, 60)), `"${flat.slice(0, 60)}" shown as text in ${shown}`);
    }
  });

  test('a hostile workspace name, object segment or error message is inert in every state', () => {
    const h = '<img src=x> [x](command:attio.signOut) **b**';
    const states: [CardState, number][] = [
      [{ kind: 'signedOut' }, 1],
      [{ kind: 'otherWorkspace', activeName: h }, 1],
      [{ kind: 'otherWorkspace', activeName: h, switchTo: { sessionId: 's-1', name: h } }, 1],
      [{ kind: 'unknownObject', workspaceName: h }, 2],
      [{ kind: 'notFound', workspaceName: h, object: object('people', h) }, 2],
      [{ kind: 'error', message: h }, 2],
    ];
    for (const [state, links] of states) {
      const card = hoverCard(link, state);
      assertOnlyOwnLinks(card, links);
      assert.ok(!/<strong>b<\/strong>/.test(rendered(card).html), `${state.kind}: data not bold`);
    }
  });

  test('each state says what happened and offers its way out', () => {
    assert.match(hoverCard(link, { kind: 'signedOut' }), /Sign in to Attio[\s\S]*\(command:attio\.signIn /);
    const other = hoverCard({ ...link, workspaceSlug: 'globex-trading' }, { kind: 'otherWorkspace', activeName: 'Northwind Labs', switchTo: { sessionId: 'abc', name: 'Globex Trading' } });
    assert.match(rendered(other).text, /workspace globex-trading; the Attio views show Northwind Labs/);
    assert.match(other, /command:attio\.switchWorkspace\?/);
    assert.match(hoverCard(link, { kind: 'otherWorkspace', activeName: 'N' }), /command:attio\.signIn/);
    assert.match(rendered(hoverCard(link, { kind: 'notFound', workspaceName: 'Northwind Labs' })).text, /Record not found[\s\S]*No record with this ID exists in Northwind Labs/);
    assert.match(rendered(hoverCard(link, { kind: 'unknownObject', workspaceName: 'Northwind Labs' })).text, /Northwind Labs has no object person/);
  });

  test('inert: one line, clipped, escapes removed by the renderer', () => {
    assert.strictEqual(inert('a\n\nb\tc'), 'a b c');
    const long = inert('x'.repeat(500), 50);
    assert.strictEqual(rendered(long).text.trim(), `${'x'.repeat(49)}…`);
    assert.strictEqual(rendered(inert('a_b*c [d] <e> f:g h@i.j')).text.trim(), 'a_b*c [d] <e> f:g h@i.j');
  });
});
