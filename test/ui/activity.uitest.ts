/**
 * Filter, sort and comments in the real workbench: "Filter and Sort…" on Deals builds "Deal stage is Negotiation,
 * by Deal value descending" through its quick picks, the Deals row says so and lists only those deals (screenshot
 * test-results/screenshots/activity-filtered-deals.png); Clear Filter restores them; a deal's Comments expand
 * (activity-record-comments.png). Signs out at the end.
 */
import * as assert from 'assert';
import { expandRow, quickInput, screenshot, server, treeRow, treeRows, signInWithToken, setViewsExpanded, resetWorkbench, until } from './fixture';


async function rowAction(row: RegExp, action: string): Promise<void> {
  const r = await treeRow(row, 'Objects');
  await r.hover();
  const button = r.locator(`.actions .action-label[aria-label*="${action}"]`).first();
  await button.waitFor({ state: 'visible', timeout: 10_000 });
  await button.click();
}

interface Deal {
  title: string;
  stage?: string;
  value: number;
}

async function demoDeals(): Promise<Deal[]> {
  const res = await fetch(`${server().url}/v2/objects/deals/records/query`, { method: 'POST', headers: { authorization: `Bearer ${server().tokens.full}`, 'content-type': 'application/json' }, body: '{}' });
  const body = (await res.json()) as { data: { values: Record<string, { value?: string; status?: { title: string }; currency_value?: number }[]> }[] };
  return body.data.map(r => ({ title: r.values.name?.[0]?.value ?? '', stage: r.values.stage?.[0]?.status?.title, value: r.values.value?.[0]?.currency_value ?? 0 }));
}

suite('UI: filter and sort, comments', () => {
  suiteSetup(async () => {
    await signInWithToken(server().tokens.full, /^Deals/);
    await setViewsExpanded(['Lists', 'Tasks'], false);
  });

  suiteTeardown(resetWorkbench);

  test('Filter and Sort… on Deals: stage Negotiation by value descending, built through the quick picks', async () => {
    const deals = await demoDeals();
    const expected = deals.filter(d => d.stage === 'Negotiation').sort((a, b) => b.value - a.value).map(d => d.title);
    assert.ok(expected.length > 0, 'the demo has deals in Negotiation');
    await rowAction(/^Deals/, 'Filter and Sort');
    await quickInput.pick('Add condition');
    await quickInput.pick(/^Deal stage/);
    await quickInput.pick('Deal stage is');
    await quickInput.pick(/^Negotiation/);
    await quickInput.pick('Sort by');
    await quickInput.pick(/^Deal value/);
    await quickInput.pick('Descending');
    await quickInput.pick('Apply');
    const row = await treeRow(/Deal stage is Negotiation · by Deal value ↓/, 'Objects');
    await expandRow(row);
    // the records follow the developer's Attributes section
    const underDeals = (rows: string[]) => rows.slice(rows.findIndex(r => r.startsWith('Deals')) + 1).filter(r => r !== 'Attributes').slice(0, expected.length);
    let rows: string[] = [];
    await until(`the ${expected.length} deals in Negotiation under Deals`, async () => {
      rows = await treeRows('Objects');
      return underDeals(rows).filter(r => expected.some(e => r.startsWith(e))).length === expected.length;
    });
    const shown = underDeals(rows);
    assert.deepStrictEqual(shown.map(r => expected.find(e => r.startsWith(e))), expected, rows.join(' | '));
    await screenshot('activity-filtered-deals');
    await rowAction(/^Deals/, 'Clear Filter');
    await treeRow(/^Deals(?!.*Negotiation)/, 'Objects');
  });

  test('a deal\'s Comments expand in the tree', async () => {
    const first = (await demoDeals())[0];
    await expandRow(await treeRow(/^Deals/, 'Objects'));
    const deal = await treeRow(first.title, 'Objects');
    await deal.locator('.monaco-tl-twistie').click();
    const comments = await treeRow(/^Comments/, 'Objects');
    await comments.click();
    await treeRow(/Legal wants the DPA signed/, 'Objects');
    await screenshot('activity-record-comments');
  });
});
