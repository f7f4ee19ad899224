import * as vscode from 'vscode';
import { Settings, TreeSettings } from '../constants';

/** How the Tasks view starts: grouped with one group expanded, or a flat list of open tasks. */
export type TaskGrouping = 'mine' | 'allOpen' | 'overdue' | 'flat';

export interface TreeConfig {
  /** How long an expansion stays cached (ms); 0 disables caching. */
  cacheTtlMs: number;
  /** Records / entries per page ("Load more" fetches the next). */
  pageSize: number;
  taskGrouping: TaskGrouping;
}

export const DEFAULT_TREE_CONFIG: TreeConfig = { cacheTtlMs: 300_000, pageSize: 50, taskGrouping: 'mine' };

const GROUPINGS: readonly TaskGrouping[] = ['mine', 'allOpen', 'overdue', 'flat'];

/** Typed, validated read of the tree's `attio.*` settings. */
export function readTreeConfig(): TreeConfig {
  const c = vscode.workspace.getConfiguration(Settings.section);
  const ttl = c.get<number>(TreeSettings.cacheTtlSeconds);
  const page = c.get<number>(TreeSettings.pageSize);
  const grouping = c.get<string>(TreeSettings.tasksDefaultGrouping);
  return {
    cacheTtlMs: typeof ttl === 'number' && ttl >= 0 ? Math.min(ttl, 86_400) * 1000 : DEFAULT_TREE_CONFIG.cacheTtlMs,
    pageSize: typeof page === 'number' && page >= 1 ? Math.min(Math.floor(page), 500) : DEFAULT_TREE_CONFIG.pageSize,
    taskGrouping: GROUPINGS.includes(grouping as TaskGrouping) ? (grouping as TaskGrouping) : DEFAULT_TREE_CONFIG.taskGrouping,
  };
}

/** True when a configuration change touches one of the tree's settings. */
export function affectsTreeConfig(e: vscode.ConfigurationChangeEvent): boolean {
  return Object.values(TreeSettings).some(k => e.affectsConfiguration(`${Settings.section}.${k}`));
}
