/**
 * The chat tools' words for people, in the display language (`vscode.l10n`): progress messages, why a call will not
 * run, and the confirmation shown before a write. Loaded with the tools (toolRunner.ts, lazy part `chat`), not at activation.
 * Values (queries, names, escaped CRM text) come in from the tools and are never translated.
 */
import * as vscode from 'vscode';
import type { TaskFilter, ToolWording } from './tools/wording';

function listingTasks(filter: TaskFilter, ofRecord: boolean): string {
  switch (filter) {
    case 'mine':
      return ofRecord ? vscode.l10n.t("Listing a record's Attio tasks assigned to you") : vscode.l10n.t('Listing your Attio tasks');
    case 'overdue':
      return ofRecord ? vscode.l10n.t("Listing a record's overdue Attio tasks") : vscode.l10n.t('Listing overdue Attio tasks');
    case 'completed':
      return ofRecord ? vscode.l10n.t("Listing a record's completed Attio tasks") : vscode.l10n.t('Listing completed Attio tasks');
    default:
      return ofRecord ? vscode.l10n.t("Listing a record's open Attio tasks") : vscode.l10n.t('Listing open Attio tasks');
  }
}

export const toolWording: ToolWording = {
  searching: (query, object) =>
    object
      ? vscode.l10n.t({ message: 'Searching Attio for {0} in {1}', args: [query, object], comment: '{0} is the search text in quotes, {1} an object such as "companies"' })
      : vscode.l10n.t({ message: 'Searching Attio for {0}', args: [query], comment: '{0} is the search text in quotes' }),
  readingRecord: record => vscode.l10n.t({ message: 'Reading Attio record {0}', args: [record], comment: "{0} is a record's ID or URL" }),
  listingTasks,
  readingList: list => vscode.l10n.t({ message: 'Reading Attio list {0}', args: [list], comment: "{0} is a list's name in quotes" }),
  readingSchema: target =>
    target ? vscode.l10n.t({ message: 'Reading the Attio schema of {0}', args: [target], comment: 'the attributes of an object or list; {0} is its name in quotes' }) : vscode.l10n.t('Reading the Attio workspace schema'),
  creatingTask: () => vscode.l10n.t('Creating an Attio task'),
  addingNote: () => vscode.l10n.t('Adding a note in Attio'),
  updatingRecord: () => vscode.l10n.t('Updating an Attio record'),
  creatingRecord: () => vscode.l10n.t('Creating an Attio record'),
  addingToList: () => vscode.l10n.t('Adding a record to an Attio list'),

  toolsOff: setting => vscode.l10n.t({ message: 'The Attio tools are turned off (setting {0}).', args: [setting], comment: '{0} is the setting\'s id' }),
  signedOut: () => vscode.l10n.t({ message: 'Not signed in to Attio. Run "Attio: Sign In", then try again.', comment: '"Attio: Sign In" is the command' }),
  invalidInput: () => vscode.l10n.t('The agent passed input the Attio tool cannot use; the tool tells it what to correct.'),

  createTask: {
    title: () => vscode.l10n.t('Create an Attio task?'),
    intro: workspace => vscode.l10n.t({ message: 'Creates a task in the Attio workspace **{0}**:', args: [workspace], comment: 'Markdown: keep the ** around the placeholder; the task\'s text follows' }),
    deadline: when => (when ? vscode.l10n.t({ message: 'Deadline: {0}', args: [when], comment: 'of a task; {0} is a date and time such as "2026-12-31 17:00 UTC"' }) : vscode.l10n.t('Deadline: none')),
    linkedRecord: r =>
      r ? vscode.l10n.t({ message: 'Linked record: {0} ({1}, {2})', args: [r.title, r.object, r.id], comment: "{0} is a record's name, {1} its object (such as \"companies\"), {2} its ID" }) : vscode.l10n.t('Linked record: none'),
    assignee: me => (me ? vscode.l10n.t({ message: 'Assignee: you', comment: 'the task will be assigned to the person reading this' }) : vscode.l10n.t({ message: 'Assignee: nobody', comment: 'the task will be assigned to no one' })),
  },

  updateRecord: {
    title: () => vscode.l10n.t('Update an Attio record?'),
    intro: (r, workspace) =>
      vscode.l10n.t({
        message: 'Changes **{0}** ({1}, {2}) in the Attio workspace **{3}**:',
        args: [r.title, r.object, r.id, workspace],
        comment: "Markdown: keep the ** around the placeholders; {0} is a record's name, {1} its object, {2} its ID, {3} a workspace name; a list of changes follows",
      }),
    change: (title, slug, before, after) =>
      vscode.l10n.t({ message: '{0} (`{1}`): {2} → {3}', args: [title, slug, before, after], comment: "one attribute's change: {0} its title, {1} its api slug, {2} the old value, {3} the new value" }),
  },

  createRecord: {
    title: () => vscode.l10n.t('Create an Attio record?'),
    intro: (noun, workspace) =>
      vscode.l10n.t({ message: 'Creates a new {0} in the Attio workspace **{1}** with:', args: [noun, workspace], comment: 'Markdown: keep the ** around the placeholder; {0} is an object such as "Company"; a list of values follows' }),
  },

  addToList: {
    title: () => vscode.l10n.t('Add to an Attio list?'),
    intro: (r, list, workspace) =>
      vscode.l10n.t({
        message: 'Adds **{0}** ({1}, {2}) to the list **{3}** in the Attio workspace **{4}**.',
        args: [r.title, r.object, r.id, list, workspace],
        comment: "Markdown: keep the ** around the placeholders; {0} is a record's name, {1} its object, {2} its ID, {3} a list's name, {4} a workspace name",
      }),
    stage: stage => vscode.l10n.t('Stage: {0}', stage),
  },

  addNote: {
    title: () => vscode.l10n.t('Add a note in Attio?'),
    intro: (r, workspace) =>
      vscode.l10n.t({
        message: 'Adds a note to **{0}** ({1}, {2}) in the Attio workspace **{3}**.',
        args: [r.title, r.object, r.id, workspace],
        comment: "Markdown: keep the ** around the placeholders; {0} is a record's name, {1} its object (such as \"companies\"), {2} its ID, {3} a workspace name",
      }),
    noteTitle: title => vscode.l10n.t({ message: 'Title: {0}', args: [title], comment: "a note's title" }),
    content: (format, characters) =>
      characters === 1
        ? vscode.l10n.t({ message: 'Content ({0}, 1 character):', args: [format], comment: '{0} is the format, "plaintext" or "markdown"; the note\'s text follows' })
        : vscode.l10n.t({ message: 'Content ({0}, {1} characters):', args: [format, characters], comment: '{0} is the format, "plaintext" or "markdown"; the note\'s text follows' }),
  },
};
