/**
 * CRM rich text in the real extension host: the demo workspace's pasted note (a tracking image, raw HTML, command
 * and vscode links) reaches its detail document and its tooltip with none of that live.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SidebarViews } from '../../src/views/controller';
import type { NoteNode } from '../../src/views/nodes/objects';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import { extensionApi, suiteServer, waitFor } from './helpers';

const NOTE_TITLE = 'Webinar follow-up (pasted)';

/** Markup that would be live if rendered: unescaped tags, images and links to anything but the web. */
function assertInertMarkdown(text: string, where: string): void {
  assert.ok(!/(^|[^\\])<(img|script|a)\b/i.test(text), `${where}: a raw tag\n${text}`);
  assert.ok(!/(^|[^\\])!\[/.test(text), `${where}: an image\n${text}`);
  assert.ok(!/(^|[^\\])\]\((?!https?:|mailto:|\.\.?\/)/.test(text), `${where}: a link to something other than the web\n${text}`);
  assert.ok(!/\]\((command|vscode|vscode-insiders):/.test(text), `${where}: a command or vscode link\n${text}`);
}

function assertInertHtml(html: string, where: string): void {
  assert.ok(!/<img\b/i.test(html), `${where}: <img> in\n${html}`);
  assert.ok(!/<script\b/i.test(html), `${where}: <script> in\n${html}`);
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map(m => m[1]);
  for (const h of hrefs) assert.ok(/^(https?:|mailto:|\.\.?\/|#)/.test(h), `${where}: live link ${h}`);
}

suite('Inert CRM rich text (notes) in the extension host', () => {
  const serverOf = suiteServer();
  let t: SidebarViews;
  let note: NoteNode;

  suiteSetup(async () => {
    t = (await extensionApi()).views;
    await vscode.commands.executeCommand('attio.signIn', { method: 'token', token: serverOf().tokens.full });
    await waitFor(async () => (await extensionApi()).data.signedIn || undefined, 'sign-in');
    // find the pasted note through the tree, as a user would: Companies → its company → Notes
    const listed = await fetch(`${serverOf().url}/v2/notes?limit=50`, { headers: { authorization: `Bearer ${serverOf().tokens.full}` } });
    const seeded = ((await listed.json()) as { data: { title: string; parent_record_id: string }[] }).data.find(n => n.title === NOTE_TITLE);
    assert.ok(seeded, 'the demo workspace has the pasted note');
    const children = (n?: TreeNode): Promise<TreeNode[]> => Promise.resolve(t.objects.getChildren(n)).then(c => c ?? []);
    const companies = (await children()).find(n => n.attioId() && /compan/i.test(String(t.objects.getTreeItem(n).label)));
    assert.ok(companies, 'the Companies object');
    const company = (await children(companies)).find(n => n.attioId() === seeded.parent_record_id);
    assert.ok(company, 'the note\'s company on the first page');
    const notes = (await children(company)).find(n => t.objects.getTreeItem(n).label === 'Notes');
    assert.ok(notes, 'a Notes section');
    // (the extension runs from its bundle: its classes are not this file's, so no instanceof)
    const found = (await children(notes)).find(n => (n as Partial<NoteNode>).note?.title === NOTE_TITLE);
    assert.ok(found, 'the note in its record\'s Notes');
    note = found as NoteNode;
  });

  test('its detail document keeps the text and web link, and has no live image, HTML, command or vscode link', async () => {
    const uri = note.detail();
    const doc = await vscode.workspace.openTextDocument(uri);
    const text = doc.getText();
    assert.match(text, /Webinar follow-up \(pasted from email\)/);
    assert.match(text, /\[on our site\]\(https:\/\/northwind\.example\/webinar\/slides\)/, 'an ordinary web link stays a link');
    assert.match(text, /\[Image\]\(https:\/\/tracker\.example\/open\.gif\?u=acme\)/, 'the image is a link labelled as an image');
    assert.match(text, /\\<script>alert\("pasted"\)\\<\/script>/, 'raw HTML shows as text');
    assertInertMarkdown(text.split('\n---\n').slice(1).join('\n'), 'the note body');

    const html = await vscode.commands.executeCommand<string>('markdown.api.render', text);
    assert.strictEqual(typeof html, 'string', 'markdown.api.render is available');
    assertInertHtml(html, 'the rendered document');
    assert.match(html, /href="https:\/\/northwind\.example\/webinar\/slides"/);
    assert.match(html, /&lt;script&gt;alert/);
    assert.ok(!html.includes('href="command:') && !html.includes('href="vscode:'));

    // and the preview opens it (the command a user's click runs)
    await vscode.commands.executeCommand('attio.openDetail', note);
  });

  test('its tooltip is untrusted Markdown without HTML, with the same content made inert', async () => {
    const tip = note.tooltip();
    assert.ok(tip, 'a tooltip');
    assert.ok(!tip.isTrusted, 'not trusted: command links do not run');
    assert.ok(!tip.supportHtml, 'no HTML');
    assertInertMarkdown(tip.value, 'the tooltip');
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', tip.value);
    assertInertHtml(html, 'the rendered tooltip');
  });
});
