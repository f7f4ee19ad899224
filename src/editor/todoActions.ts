/** The quick fix "Create Attio task" on a line with a TODO comment (triggers: `attio.tasks.todoTriggers`). */
import * as vscode from 'vscode';
import { EditorCommands } from '../constants';
import type { TodoArgs } from './selectionCommands';
import { todoFinder, type TodoComment } from './todo';

/** Lines of a selection looked at for TODOs (a quick fix is about what is under the cursor). */
const MAX_LINES = 20;

export class TodoTaskActions implements vscode.CodeActionProvider {
  /** What the provider offers (built when registered, not when the module loads). */
  static metadata(): vscode.CodeActionProviderMetadata {
    return { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  }

  private finder?: { key: string; find: (line: string) => TodoComment | undefined };

  constructor(
    /** True when the active token may create tasks (`task:read-write`). */
    private readonly canWriteTasks: () => boolean,
    private readonly triggers: () => readonly string[],
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    if (!this.canWriteTasks()) return [];
    const find = this.find();
    const actions: vscode.CodeAction[] = [];
    const last = Math.min(range.end.line, range.start.line + MAX_LINES - 1, document.lineCount - 1);
    for (let line = range.start.line; line <= last; line++) {
      const todo = find(document.lineAt(line).text);
      if (!todo) continue;
      const short = todo.text.length > 60 ? `${todo.text.slice(0, 59)}…` : todo.text;
      const action = new vscode.CodeAction(vscode.l10n.t({ message: 'Create Attio task: {0}', args: [short], comment: 'a quick fix on a TODO comment; {0} is the comment\'s text' }), vscode.CodeActionKind.QuickFix);
      const args: TodoArgs = { content: todo.text };
      action.command = { command: EditorCommands.createTaskFromTodo, title: action.title, arguments: [args] };
      actions.push(action);
    }
    return actions;
  }

  private find(): (line: string) => TodoComment | undefined {
    const triggers = this.triggers();
    const key = triggers.join('\u0000');
    if (this.finder?.key !== key) this.finder = { key, find: todoFinder(triggers) };
    return this.finder.find;
  }
}
