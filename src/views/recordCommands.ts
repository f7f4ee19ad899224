/** "Edit…" (records and list entries) and "New Record…": the ids at activation, the handlers in recordHandlers.ts (lazy part `records`). */
import * as vscode from 'vscode';
import { lazyCommandTable, type CommandTable } from '../common/commands';
import { RecordCommands } from '../constants';
import { lazy } from '../platform';
import type { DetailDocuments } from '../detail/provider';
import type * as Impl from './recordHandlers';
import { sidebarShared } from './sidebarCommands';

const recordsModule = lazy<typeof Impl>(() => require('./recordHandlers'));

/** Every command recordCommands handles (a unit test checks it against the handlers' table). */
export const RECORD_COMMANDS = [RecordCommands.editValue, RecordCommands.newRecord] as const;

/** An Edit link on a record or entry page runs "Edit…" for its attribute (the same handler as the tree's), then lets the page render again. */
export function answerEditLinks(details: Pick<DetailDocuments, 'onDidRequestEdit'>): vscode.Disposable {
  return details.onDidRequestEdit(request => {
    const { done, ...ids } = request;
    void Promise.resolve(vscode.commands.executeCommand(RecordCommands.editValue, ids)).finally(() => done?.());
  });
}

export function recordCommands(deps: Impl.RecordCommandDeps): CommandTable {
  return lazyCommandTable(RECORD_COMMANDS, async () => (await recordsModule.load()).recordCommands(deps, sidebarShared));
}
