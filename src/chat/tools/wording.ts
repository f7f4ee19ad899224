/**
 * What a person reads around a tool call: the progress message, the message shown instead when a call cannot run,
 * and a write's confirmation (title and Markdown lines). The words live outside this vscode-free folder
 * (src/chat/wording.ts translates them with `vscode.l10n`); the tools put in the values, escaped for Markdown where
 * the text is Markdown. Tool results are read by the model and stay English: they are not worded here.
 */

export type TaskFilter = 'mine' | 'open' | 'overdue' | 'completed';

/** The record a task is linked to or a note is added to, as a confirmation shows it (title escaped). */
export interface ConfirmedRecord {
  title: string;
  object: string;
  id: string;
}

export interface ToolWording {
  /** `query` arrives quoted (JSON). */
  searching(query: string, object: string | undefined): string;
  readingRecord(record: string): string;
  listingTasks(filter: TaskFilter, ofRecord: boolean): string;
  /** `list` arrives quoted (JSON). */
  readingList(list: string): string;
  /** `target` arrives quoted (JSON); undefined for the whole workspace. */
  readingSchema(target: string | undefined): string;
  creatingTask(): string;
  updatingRecord(): string;
  creatingRecord(): string;
  addingToList(): string;
  addingNote(): string;

  /** Instead of the progress message, when the call will not run. */
  toolsOff(setting: string): string;
  signedOut(): string;
  invalidInput(): string;

  createTask: {
    title(): string;
    /** Markdown; `workspace` escaped. */
    intro(workspace: string): string;
    /** `when`: `2026-12-31 17:00 UTC`, or null. */
    deadline(when: string | null): string;
    linkedRecord(record: ConfirmedRecord | undefined): string;
    assignee(me: boolean): string;
  };

  updateRecord: {
    title(): string;
    /** Markdown; `workspace` escaped. */
    intro(record: ConfirmedRecord, workspace: string): string;
    /** One attribute: its title (escaped), api slug, old and new values (escaped, one line each). */
    change(title: string, slug: string, before: string, after: string): string;
  };

  createRecord: {
    title(): string;
    /** Markdown; `noun` (the object's singular, e.g. "Company") and `workspace` escaped. */
    intro(noun: string, workspace: string): string;
  };

  addToList: {
    title(): string;
    /** Markdown; `list` and `workspace` escaped. */
    intro(record: ConfirmedRecord, list: string, workspace: string): string;
    /** `stage` escaped. */
    stage(stage: string): string;
  };

  addNote: {
    title(): string;
    /** Markdown; `workspace` escaped. */
    intro(record: ConfirmedRecord, workspace: string): string;
    /** `title` escaped. */
    noteTitle(title: string): string;
    /** `format` is the API's (`plaintext`, `markdown`). */
    content(format: string, characters: number): string;
  };
}
