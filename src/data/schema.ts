/**
 * The workspace's schema: attributes of an object or list (api slugs, types, flags) and the options of select
 * attributes and statuses of status attributes. Attributes cost 1 request per object or list (shared with the value
 * rows, which need them too); options or statuses 1 request per attribute, only when asked. All cached.
 */
import type { AttioAttribute, AttioSelectOption, AttioStatus } from '../attio';
import type { DataContext } from './context';
import { Keys } from './keys';
import type { RecordsData } from './records';

export type SchemaTarget = 'objects' | 'lists';

export class SchemaData {
  constructor(private readonly ctx: DataContext, private readonly records: RecordsData) {}

  /** Every attribute of an object or list (not archived), in Attio's order. */
  attributes(target: SchemaTarget, id: string): Promise<AttioAttribute[]> {
    return this.records.attributes(target, id);
  }

  /** Every attribute including archived ones (one more request, only when a person asks to see them). */
  async attributesWithArchived(target: SchemaTarget, id: string): Promise<AttioAttribute[]> {
    const client = this.ctx.client();
    return (await this.ctx.cache.get(Keys.attributesArchived(target, id), signal => client.listAttributes(target, id, { showArchived: true }, signal))).value;
  }

  /** A select attribute's options (archived ones included: a caller shows them only on request). */
  async selectOptions(target: SchemaTarget, id: string, attribute: string): Promise<AttioSelectOption[]> {
    const client = this.ctx.client();
    return (await this.ctx.cache.get(Keys.selectOptions(target, id, attribute), signal => client.listSelectOptions(target, id, attribute, { showArchived: true }, signal))).value;
  }

  /** A status attribute's statuses (archived ones included). */
  async statuses(target: SchemaTarget, id: string, attribute: string): Promise<AttioStatus[]> {
    const client = this.ctx.client();
    return (await this.ctx.cache.get(Keys.statuses(target, id, attribute), signal => client.listStatuses(target, id, attribute, { showArchived: true }, signal))).value;
  }
}
