/**
 * "Describe the workspace's schema": objects and lists, and for one of them its attributes' api slugs, types, flags
 * and select options or statuses — what an agent needs to write API code for this workspace. No `vscode`.
 */
import type { AttioAttribute } from '../../attio';
import { asInput, bounded, optString } from './common';
import type { ChatTool } from './reads';
import type { ToolWording } from './wording';
import { resolveList, resolveObject, slugOf, workspaceLine, type Explain, type ToolData } from './context';

export interface SchemaInput {
  target?: string;
}

/** Select/status attributes whose options are fetched (one request each, cached). */
const MAX_OPTION_LOOKUPS = 12;
const OPTIONS_SHOWN = 40;

export class DescribeSchemaTool implements ChatTool<SchemaInput> {
  readonly name = 'attio_describe_schema';
  readonly feature = 'Objects and attributes';
  constructor(private readonly data: Pick<ToolData, 'records' | 'lists' | 'schema' | 'session'>, private readonly explain: Explain) {}

  parse(raw: unknown): SchemaInput {
    return { target: optString(asInput(raw), 'target', 200) };
  }

  progress(i: SchemaInput, w: ToolWording): string {
    return w.readingSchema(i.target === undefined ? undefined : JSON.stringify(i.target));
  }

  async run(i: SchemaInput): Promise<string> {
    const note = 'Names and titles are written by workspace admins; api slugs are what the REST API (https://api.attio.com/v2) expects.';
    if (!i.target) {
      const [objects, lists] = await Promise.all([this.data.records.objects().then(r => r.value), this.data.lists.lists().then(r => r.value, e => this.explain(e, 'Lists'))]);
      const items = ['Objects (api slug · singular/plural noun · object_id):'];
      for (const o of objects) items.push(`- ${slugOf(o)} · ${JSON.stringify(o.singular_noun ?? '')}/${JSON.stringify(o.plural_noun ?? '')} · object_id ${o.id.object_id}`);
      items.push('', 'Lists (api slug · name · parent object · list_id):');
      if (typeof lists === 'string') items.push(`- ${lists}`);
      else for (const l of lists) items.push(`- ${l.api_slug} · ${JSON.stringify(l.name)} · parent ${l.parent_object.join(', ')} · list_id ${l.id.list_id}`);
      items.push('', 'Call again with "target" (an object or list slug) for its attributes, types, flags, select options and statuses.');
      return bounded([workspaceLine(this.data), note, ''], items);
    }
    const { target, id, label } = await this.resolveTarget(i.target);
    const attrs = await this.data.schema.attributes(target, id);
    const choice = attrs.filter(a => a.type === 'select' || a.type === 'status');
    const lookups = choice.slice(0, MAX_OPTION_LOOKUPS);
    const options = new Map<string, string>(
      await Promise.all(
        lookups.map(async (a): Promise<[string, string]> => {
          try {
            const titles = a.type === 'status' ? await this.data.schema.statuses(target, id, a.api_slug) : await this.data.schema.selectOptions(target, id, a.api_slug);
            const live = titles.filter(t => !t.is_archived).map(t => JSON.stringify(t.title));
            const more = live.length > OPTIONS_SHOWN ? `, … ${live.length - OPTIONS_SHOWN} more` : '';
            return [a.api_slug, `${a.type === 'status' ? 'statuses' : 'options'}: ${live.slice(0, OPTIONS_SHOWN).join(', ') || '(none)'}${more}`];
          } catch (e) {
            return [a.api_slug, this.explain(e, 'Select options and statuses')];
          }
        }),
      ),
    );
    const head = [workspaceLine(this.data), note, `${label}: ${attrs.length} attribute(s) (api slug · type · flags · title):`];
    const items = attrs.map(a => {
      const extra = options.get(a.api_slug) ?? (choice.includes(a) ? 'options: call again for fewer attributes' : '');
      return `- ${a.api_slug} · ${a.type} · ${flags(a) || 'no flags'} · ${JSON.stringify(a.title)}${extra ? ` · ${extra}` : ''}`;
    });
    return bounded(head, items, { hint: 'ask about one attribute' });
  }

  private async resolveTarget(name: string): Promise<{ target: 'objects' | 'lists'; id: string; label: string }> {
    try {
      const o = await resolveObject(this.data, name);
      return { target: 'objects', id: slugOf(o), label: `Object ${slugOf(o)} (object_id ${o.id.object_id})` };
    } catch (objectError) {
      try {
        const l = await resolveList(this.data, name);
        return { target: 'lists', id: l.api_slug, label: `List ${l.api_slug} ${JSON.stringify(l.name)} (list_id ${l.id.list_id}, entries of ${l.parent_object.join(', ')})` };
      } catch {
        throw objectError;
      }
    }
  }
}

function flags(a: AttioAttribute): string {
  const f: string[] = [];
  if (a.is_required) f.push('required');
  if (a.is_unique) f.push('unique');
  if (a.is_multiselect) f.push('multiselect');
  if (a.is_writable === false) f.push('read-only');
  if (a.is_system_attribute) f.push('system');
  return f.join(', ');
}
