/** Workspace members: loaded once per workspace, for actor names, assignees and pickers. */
import type { AttioMember } from '../attio';
import { memberDisplayName, type DataContext } from './context';
import { Keys } from './keys';

export class MembersData {
  constructor(private readonly ctx: DataContext) {}

  /** Members by id (one request per workspace and TTL). */
  async byId(): Promise<Map<string, AttioMember>> {
    const client = this.ctx.client();
    const r = await this.ctx.cache.get(Keys.members(), async signal => new Map((await client.listMembers(signal)).map(m => [m.id.workspace_member_id, m])));
    return r.value;
  }

  /** Active members sorted by name, for pickers. */
  async list(): Promise<AttioMember[]> {
    return [...(await this.byId()).values()].filter(m => m.access_level !== 'suspended').sort((a, b) => memberDisplayName(a)!.localeCompare(memberDisplayName(b)!));
  }

  /** A member's name from the cache. */
  name(id: string): string | undefined {
    return this.ctx.memberName(id);
  }
}
