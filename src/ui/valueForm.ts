/**
 * The input that fits an attribute's type: an input box checked as Attio checks it (text, numbers, currency, dates,
 * email, domain, phone, name, location), a Quick Pick of the real options or statuses (several for a multiselect),
 * workspace members, or the record search. Built from what the data layer has cached: with the schema loaded it costs
 * no request (record search asks Attio as the person types). Prompts go through {@link Prompts}, so tests can answer.
 */
import * as vscode from 'vscode';
import type { AttioAttribute } from '../attio';
import {
  allowedObjects, checkLocation, defaultCurrency, inputKey, inputText, parseTyped, type InputProblem, type InputValue, type LocationInput, type WorkspaceData,
} from '../data';

export interface PickItem extends vscode.QuickPickItem {
  key: string;
}

/** How a form asks; the real one is the workbench's, a test's answers from a script. */
export interface Prompts {
  input(o: { title: string; prompt?: string; value?: string; placeholder?: string; validate: (text: string) => string | undefined }): Promise<string | undefined>;
  pick(items: PickItem[], o: { title: string; placeholder?: string; many: boolean }): Promise<PickItem[] | undefined>;
  record(o: { title: string; objects: string[] }): Promise<{ object: string; id: string; title: string } | undefined>;
}

/** What a form gave: the values, their labels (options, records), and the text typed (kept to re-open the input). */
export interface FormAnswer {
  values: InputValue[];
  labels: Map<string, string>;
  typed?: string;
}

export function problemText(p: InputProblem): string {
  switch (p) {
    case 'empty':
      return vscode.l10n.t('Enter a value');
    case 'not-a-number':
      return vscode.l10n.t('Enter a number, e.g. 1250.50');
    case 'not-an-integer':
      return vscode.l10n.t('Enter a whole number');
    case 'rating-range':
      return vscode.l10n.t('A rating is a whole number from 0 to 5');
    case 'too-many-decimals':
      return vscode.l10n.t('Attio keeps at most 4 decimal places');
    case 'not-a-date':
      return vscode.l10n.t('Enter a date as YYYY-MM-DD');
    case 'not-a-timestamp':
      return vscode.l10n.t('Enter a date and time, e.g. 2026-12-07T09:30:00Z');
    case 'not-an-email':
      return vscode.l10n.t('Enter an email address, e.g. ada@example.com');
    case 'not-a-domain':
      return vscode.l10n.t('Enter a domain, e.g. example.com');
    case 'not-a-phone':
      return vscode.l10n.t('Enter a number with its country prefix (+49 30 123456), or a country code first (DE 030 123456)');
    case 'not-a-country-code':
      return vscode.l10n.t('Use a two-letter country code, e.g. DE');
    case 'not-a-coordinate':
      return vscode.l10n.t('Latitude and longitude are decimal degrees');
  }
}

/** A phone typed as `DE 030 123456` (country code first) or `+49 30 123456`. */
function splitPhone(text: string): [string, string | null] {
  const m = /^\s*([A-Za-z]{2})\s+(.+)$/.exec(text);
  return m ? [m[2], m[1].toUpperCase()] : [text, null];
}

/** Reads one typed item of a text-like type. */
function parseOne(a: AttioAttribute, text: string): { value?: InputValue; problem?: string } {
  const [t, extra] = a.type === 'phone-number' ? splitPhone(text) : [text, null];
  const r = parseTyped(a, t, extra);
  return r.ok ? { value: r.value } : { problem: problemText(r.problem) };
}

/** Several typed items (a multiselect email, domain, phone…): separated by commas or semicolons. */
function parseMany(a: AttioAttribute, text: string): { values: InputValue[]; problem?: string } {
  const parts = text.split(/[;,]/).map(s => s.trim()).filter(Boolean);
  const values: InputValue[] = [];
  for (const p of parts) {
    const r = parseOne(a, p);
    if (r.problem) return { values, problem: `${p.slice(0, 40)}: ${r.problem}` };
    values.push(r.value!);
  }
  return { values };
}

/** "Street, Postcode, City, Region, Country code" (blank parts allowed). */
function parseLocation(text: string): { value?: LocationInput; problem?: string } {
  const [line_1, postcode, locality, region, cc] = text.split(',').map(s => s.trim() || null);
  const value: LocationInput = { line_1: line_1 ?? null, postcode: postcode ?? null, locality: locality ?? null, region: region ?? null, country_code: cc ? cc.toUpperCase() : null };
  const p = checkLocation(value);
  return p ? { problem: problemText(p) } : { value };
}

export interface ValueFormOptions {
  /** The attribute's title (the form's title says what is edited). */
  title: string;
  /** Current values (what an edit starts from). */
  before: readonly InputValue[];
  /** Text typed before (a refused edit re-opens with it) and Attio's reason. */
  typed?: string;
  reason?: string;
  /** The object or list the attribute belongs to, for options and statuses. */
  target: { kind: 'objects' | 'lists'; id: string };
}

/** Asks for an attribute's new values in the input that fits its type; undefined when the person cancels. */
export async function askValues(data: WorkspaceData, prompts: Prompts, a: AttioAttribute, o: ValueFormOptions): Promise<FormAnswer | undefined> {
  const labels = new Map<string, string>();
  const multi = !!a.is_multiselect;
  const prompt = o.reason ? vscode.l10n.t('Attio refused this value: {0}', o.reason) : undefined;
  switch (a.type) {
    case 'select':
    case 'status': {
      const options = a.type === 'status'
        ? (await data.schema.statuses(o.target.kind, o.target.id, a.api_slug)).map(s => ({ id: s.id.status_id, title: s.title, archived: !!s.is_archived }))
        : (await data.schema.selectOptions(o.target.kind, o.target.id, a.api_slug)).map(s => ({ id: s.id.option_id, title: s.title, archived: !!s.is_archived }));
      const had = new Set(o.before.map(inputKey));
      const items: PickItem[] = options
        .filter(x => !x.archived || had.has(`option:${x.id}`))
        .map(x => ({ key: `option:${x.id}`, label: x.title, picked: had.has(`option:${x.id}`), description: had.has(`option:${x.id}`) && !multi ? vscode.l10n.t('current') : undefined }));
      const picked = await prompts.pick(items, { title: o.title, placeholder: prompt, many: multi });
      if (!picked) return undefined;
      for (const p of picked) labels.set(p.key, p.label);
      return { values: picked.map(p => ({ kind: 'option', value: p.key.slice('option:'.length) })), labels };
    }
    case 'checkbox': {
      const yes: PickItem = { key: 'true', label: vscode.l10n.t('Checked') };
      const no: PickItem = { key: 'false', label: vscode.l10n.t('Not checked') };
      const picked = await prompts.pick([yes, no], { title: o.title, many: false });
      return picked?.[0] ? { values: [{ kind: 'checkbox', value: picked[0].key === 'true' }], labels } : undefined;
    }
    case 'actor-reference': {
      const members = await data.members.list();
      const had = new Set(o.before.map(inputKey));
      const items: PickItem[] = members.map(m => ({ key: `member:${m.id.workspace_member_id}`, label: `${m.first_name} ${m.last_name}`.trim(), description: m.email_address ?? undefined, picked: had.has(`member:${m.id.workspace_member_id}`) }));
      const picked = await prompts.pick(items, { title: o.title, placeholder: prompt, many: multi });
      if (!picked) return undefined;
      return { values: picked.map(p => ({ kind: 'member', memberId: p.key.slice('member:'.length) })), labels };
    }
    case 'record-reference':
      return askRecords(data, prompts, a, o, labels);
    case 'personal-name': {
      const current = o.before[0]?.kind === 'name' ? o.before[0] : undefined;
      const first = await prompts.input({ title: o.title, prompt: prompt ?? vscode.l10n.t('First name'), value: o.typed?.split('\n')[0] ?? current?.first ?? '', validate: () => undefined });
      if (first === undefined) return undefined;
      const last = await prompts.input({ title: o.title, prompt: vscode.l10n.t('Last name'), value: o.typed?.split('\n')[1] ?? current?.last ?? '', validate: () => undefined });
      if (last === undefined) return undefined;
      return { values: first.trim() || last.trim() ? [{ kind: 'name', first, last }] : [], labels, typed: `${first}\n${last}` };
    }
    case 'location': {
      const text = await prompts.input({
        title: o.title,
        prompt: prompt ?? vscode.l10n.t('Street, postcode, city, region, country code (leave parts blank)'),
        value: o.typed ?? (o.before[0]?.kind === 'location' ? locationText(o.before[0].value) : ''),
        validate: t => (t.trim() ? parseLocation(t).problem : undefined),
      });
      if (text === undefined) return undefined;
      const r = parseLocation(text);
      return { values: text.trim() && r.value ? [{ kind: 'location', value: r.value }] : [], labels, typed: text };
    }
    default: {
      const currency = a.type === 'currency' ? defaultCurrency(a) : null;
      const text = await prompts.input({
        title: currency ? `${o.title} (${currency})` : o.title,
        prompt: prompt ?? (multi ? vscode.l10n.t('Separate several values with commas; leave empty to clear') : vscode.l10n.t('Leave empty to clear')),
        value: o.typed ?? o.before.map(inputText).join(', '),
        validate: t => (t.trim() === '' ? undefined : multi ? parseMany(a, t).problem : parseOne(a, t).problem),
      });
      if (text === undefined) return undefined;
      if (text.trim() === '' && a.type !== 'text') return { values: [], labels, typed: text };
      if (a.type === 'text') return { values: text === '' ? [] : [{ kind: 'text', value: text }], labels, typed: text };
      const values = multi ? parseMany(a, text).values : [parseOne(a, text).value!];
      return { values, labels, typed: text };
    }
  }
}

function locationText(l: LocationInput): string {
  return [l.line_1, l.postcode, l.locality, l.region, l.country_code].map(x => x ?? '').join(', ');
}

/** References: keep or drop the current ones (multiselect), then search for one to add. */
async function askRecords(data: WorkspaceData, prompts: Prompts, a: AttioAttribute, o: ValueFormOptions, labels: Map<string, string>): Promise<FormAnswer | undefined> {
  const objects = allowedObjects(a).map(id => data.records.objectSlug(id));
  const current = o.before.filter((v): v is Extract<InputValue, { kind: 'record' }> => v.kind === 'record');
  let kept: InputValue[] = [];
  let add = true;
  if (current.length) {
    const addItem: PickItem = { key: 'add', label: `$(add) ${vscode.l10n.t('Add a record…')}`, alwaysShow: true };
    const clearItem: PickItem = { key: 'clear', label: `$(circle-slash) ${vscode.l10n.t('No record')}`, alwaysShow: true };
    const items: PickItem[] = current.map(v => ({ key: inputKey(v), label: data.records.titleOf(v.object, v.recordId) ?? v.recordId, description: data.records.object(v.object)?.singular_noun ?? v.object, picked: true }));
    const picked = await prompts.pick(a.is_multiselect ? [...items, addItem] : [addItem, clearItem, ...items.map(i => ({ ...i, picked: false }))], { title: o.title, many: !!a.is_multiselect });
    if (!picked) return undefined;
    if (!a.is_multiselect && picked[0]?.key === 'clear') return { values: [], labels };
    if (!a.is_multiselect && picked[0] && picked[0].key !== 'add') return { values: [current.find(v => inputKey(v) === picked[0].key)!], labels };
    kept = current.filter(v => picked.some(p => p.key === inputKey(v)));
    add = picked.some(p => p.key === 'add') || !a.is_multiselect;
  }
  if (!add) return { values: kept, labels };
  const found = await prompts.record({ title: o.title, objects });
  if (!found) return current.length && a.is_multiselect ? { values: kept, labels } : undefined;
  const value: InputValue = { kind: 'record', object: found.object, recordId: found.id };
  labels.set(inputKey(value), found.title);
  return { values: a.is_multiselect ? [...kept, value] : [value], labels };
}
