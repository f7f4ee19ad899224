/**
 * The list write tool: add a record to a list, at a stage when the list has one. The model names the record, the
 * list and (optionally) the stage by title; the confirmation shows the record, the list and the stage as plain data
 * before anything is written. 1 write. No `vscode`.
 */
import { mdEscape, valuesBody } from '../../data';
import { asInput, optString, q, reqString, ToolInputError } from './common';
import { recordUrl, resolveList, resolveRecord, slugOf, workspaceLine, type ToolData } from './context';
import type { ToolWording } from './wording';
import type { Confirmation, WriteTool } from './writes';

type Data = Pick<ToolData, 'records' | 'lists' | 'entryWrites' | 'session' | 'workspaceUrl'>;

export interface AddToListInput {
  record: string;
  object?: string;
  list: string;
  stage?: string;
}

export class AddToListTool implements WriteTool<AddToListInput> {
  readonly name = 'attio_add_to_list';
  readonly feature = 'Add to lists';
  constructor(private readonly data: Data) {}

  parse(raw: unknown): AddToListInput {
    const i = asInput(raw);
    return { record: reqString(i, 'record', 500), object: optString(i, 'object', 100), list: reqString(i, 'list', 200), stage: optString(i, 'stage', 200) };
  }

  progress(_i: AddToListInput, w: ToolWording): string {
    return w.addingToList();
  }

  /** What will be written, read (and refused) before anyone is asked. */
  private async target(i: AddToListInput) {
    const r = await resolveRecord(this.data, i.record, i.object);
    const object = slugOf(r.object);
    const title = this.data.records.title(await this.data.records.get(object, r.id), object);
    const list = await resolveList(this.data, i.list);
    const fits = await this.data.entryWrites.listsFor(object);
    if (!fits.some(l => l.id.list_id === list.id.list_id)) throw new ToolInputError(`${q(list.name)} holds no ${object} records. Lists for ${object}: ${fits.map(l => q(l.name)).join(', ') || 'none'}.`);
    const attribute = await this.data.entryWrites.stageAttribute(list.id.list_id);
    let stage: { title: string; id: string } | undefined;
    if (attribute) {
      const stages = await this.data.entryWrites.stages(list.id.list_id, attribute);
      const wanted = i.stage?.toLowerCase();
      const found = wanted ? stages.find(s => s.title.toLowerCase() === wanted || s.id.status_id === i.stage) : undefined;
      if (wanted && !found) throw new ToolInputError(`${q(list.name)} has no stage ${q(i.stage!)}. Stages: ${stages.map(s => q(s.title)).join(', ')}.`);
      if (!found && attribute.is_required) throw new ToolInputError(`${q(list.name)} needs a stage: pass "stage", one of ${stages.map(s => q(s.title)).join(', ')}.`);
      if (found) stage = { title: found.title, id: found.id.status_id };
    } else if (i.stage) {
      throw new ToolInputError(`${q(list.name)} has no stages; leave "stage" out.`);
    }
    const values = attribute && stage ? valuesBody([{ attribute, values: [{ kind: 'option', value: stage.id }] }]) : {};
    return { object, id: r.id, title, url: recordUrl(this.data, r.object, r.id), list, stage, values };
  }

  async confirm(i: AddToListInput, w: ToolWording): Promise<Confirmation> {
    const t = await this.target(i);
    const say = w.addToList;
    const lines = [say.intro({ title: mdEscape(t.title), object: t.object, id: t.id }, mdEscape(t.list.name), mdEscape(this.data.session?.workspaceName ?? 'Attio'))];
    if (t.stage) lines.push('', `- ${say.stage(mdEscape(t.stage.title))}`);
    return { title: say.title(), message: lines.join('\n') };
  }

  async run(i: AddToListInput, _signal: AbortSignal, beforeWrite: () => void): Promise<string> {
    const t = await this.target(i);
    beforeWrite();
    const entry = await this.data.entryWrites.add(t.list.id.list_id, { object: t.object, recordId: t.id }, t.values);
    return `${workspaceLine(this.data)} Added ${q(t.title)} (${t.url}) to ${q(t.list.name)}${t.stage ? ` at stage ${q(t.stage.title)}` : ''} · entry_id ${entry.id.entry_id}.`;
  }
}
