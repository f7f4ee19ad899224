import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { valueWording } from '../common/valueWords';
import { renderModule } from '../detail/provider';
import { tooltips, type TreeNode } from './nodes/treeNode';

/**
 * Undefined when tree nodes can call every lazy part they use where they cannot wait (labels, descriptions,
 * tooltips): the sidebar's own (attribute texts, filters, tooltips), the renderer's inert Markdown and the words
 * around values. Always on Node, where a part loads on its first call; on the web a part must be read before it is
 * called, so the sidebar awaits this promise before it builds a level or resolves a tooltip.
 */
export function treeModulesLoading(): Promise<unknown> | undefined {
  const missing = [tooltips, renderModule, valueWording].filter(m => !m.ready);
  return missing.length ? Promise.all(missing.map(m => m.load())) : undefined;
}

/**
 * A TreeDataProvider over nodes: owns its TreeView, shows progress in the view while a level loads, stamps
 * ids and the "stale" marker, and resolves tooltips lazily.
 */
export class NodeTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = this._register(new vscode.EventEmitter<TreeNode | undefined | void>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<TreeNode>;

  constructor(
    readonly viewId: string,
    private readonly roots: () => Promise<TreeNode[]>,
    private readonly signedIn: () => boolean,
    dragAndDropController?: vscode.TreeDragAndDropController<TreeNode>,
  ) {
    super();
    this.view = this._register(vscode.window.createTreeView(viewId, { treeDataProvider: this, showCollapseAll: true, ...(dragAndDropController ? { dragAndDropController, canSelectMany: true } : {}) }));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.treeItem();
    item.id = node.id;
    if (node.stale) item.description = item.description ? vscode.l10n.t({ message: '{0} · stale', args: [item.description], comment: 'cached data' }) : vscode.l10n.t({ message: 'stale', comment: 'cached data' });
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!this.signedIn()) return [];
    const loading = treeModulesLoading();
    if (loading) await loading;
    const load = async (): Promise<TreeNode[]> => {
      return node ? node.children() : this.roots();
    };
    return vscode.window.withProgress({ location: { viewId: this.viewId } }, load);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    const loading = treeModulesLoading();
    if (loading) return loading.then(() => this.resolveTreeItem(item, node));
    const tip = node.tooltip();
    if (tip) item.tooltip = tip;
    return item;
  }

  /** Re-renders a node and reloads its children (from the cache when fresh); no node = the whole view. */
  refresh(node?: TreeNode): void {
    this.changed.fire(node);
  }
}
