import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import type { TreeNode } from './nodes/treeNode';
import { tooltipModulesLoading, treeModulesLoading } from './treeModules';

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
  ) {
    super();
    this.view = this._register(vscode.window.createTreeView(viewId, { treeDataProvider: this, showCollapseAll: true }));
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
    const loading = tooltipModulesLoading();
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
