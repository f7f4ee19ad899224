/** "Pin" and "Unpin" on a record (the Pinned section at the top of the Objects view). */
import * as vscode from 'vscode';
import type { CommandTable } from '../common/commands';
import { TreeCommands } from '../constants';
import type { SidebarViews } from './controller';
import { RecordNode } from './nodes/objects';
import { MissingPinNode } from './nodes/pinned';

export function pinCommands(views: SidebarViews): CommandTable {
  return {
    [TreeCommands.pinRecord]: async (arg: unknown) => {
      const node = views.nodeOf(arg);
      if (!(node instanceof RecordNode) || !views.pins) return;
      await views.pins.pin({ object: node.object, id: node.record.id.record_id, title: node.title });
      void vscode.window.setStatusBarMessage(`$(pinned) ${vscode.l10n.t('Pinned {0}', node.title)}`, 3000);
    },
    [TreeCommands.unpinRecord]: async (arg: unknown) => {
      const node = views.nodeOf(arg);
      const id = node instanceof RecordNode ? node.record.id.record_id : node instanceof MissingPinNode ? node.pin.id : undefined;
      if (id && views.pins) await views.pins.unpin(id);
    },
  };
}
