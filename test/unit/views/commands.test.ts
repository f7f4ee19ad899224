import * as assert from 'assert';
import { COMMENT_COMMANDS } from '../../../src/views/commentCommands';
import { FILTER_COMMANDS } from '../../../src/views/filterCommands';
import { MEETING_COMMANDS } from '../../../src/views/meetingCommands';
import { PIN_COMMANDS } from '../../../src/views/pinCommands';
import { RECORD_COMMANDS } from '../../../src/views/recordCommands';
import * as records from '../../../src/views/recordHandlers';
import * as impl from '../../../src/views/sidebarHandlers';
import { VIEW_COMMANDS } from '../../../src/views/viewCommands';

suite('Sidebar commands: registered at activation, handled by the module loaded on first use', () => {
  const shared = { nodes: {} } as impl.SidebarShared;
  for (const [name, ids, table] of [
    ['viewCommands', VIEW_COMMANDS, () => impl.viewCommands({} as impl.ViewCommandDeps, shared)],
    ['filterCommands', FILTER_COMMANDS, () => impl.filterCommands({} as impl.FilterCommandDeps, shared)],
    ['commentCommands', COMMENT_COMMANDS, () => impl.commentCommands({} as never, {} as never, {} as never, shared)],
    ['pinCommands', PIN_COMMANDS, () => impl.pinCommands({} as never, shared)],
    ['meetingCommands', MEETING_COMMANDS, () => impl.meetingCommands({} as never, {} as never, shared)],
    ['recordCommands', RECORD_COMMANDS, () => records.recordCommands({} as never, shared)],
  ] as const) {
    test(`${name}: the ids registered at activation are exactly the commands its handlers serve`, () => {
      assert.deepStrictEqual([...ids].sort(), Object.keys(table()).sort());
    });
  }
});
