import * as vscode from 'vscode';
import type { SearchResult } from '../attio';
import type { Logger } from '../common/log';
import type { ErrorView } from '../session/errorReporter';
import type { WorkspaceData } from '../data';
import { objectIcon } from './icons';

export const SEARCH_DEBOUNCE_MS = 250;

interface ResultItem extends vscode.QuickPickItem {
  result?: SearchResult;
  skip?: boolean;
}

export interface PickRecordOptions {
  /** Limit to these object slugs (default: every object). */
  objects?: string[];
  title: string;
  placeholder?: string;
  /** Adds a first item that resolves to `'skip'` (e.g. "No linked record"). */
  skipLabel?: string;
}

/**
 * A Quick Pick that searches Attio as the user types: debounced, the previous request aborted on each key,
 * `record_text` as label and the object as description.
 */
export function pickRecord(
  data: WorkspaceData,
  opts: PickRecordOptions,
  describeError: (e: unknown, feature: string) => ErrorView,
  log: Logger,
): Promise<SearchResult | 'skip' | undefined> {
  const qp = vscode.window.createQuickPick<ResultItem>();
  qp.title = opts.title;
  qp.placeholder = opts.placeholder ?? vscode.l10n.t('Type a name, email or domain');
  qp.matchOnDescription = true;
  const skipItem: ResultItem[] = opts.skipLabel ? [{ label: opts.skipLabel, skip: true, alwaysShow: true, iconPath: new vscode.ThemeIcon('circle-slash') }] : [];
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  /** Enter pressed while a search was still running: take the first result when it arrives. */
  let acceptWhenReady = false;
  /** The first result of the last search and what it answered (Enter can come before the window shows the items). */
  let first: { query: string; result?: SearchResult } | undefined;
  let finish: (v: SearchResult | 'skip' | undefined) => void = () => undefined;

  const run = (query: string): void => {
    controller?.abort();
    const c = (controller = new AbortController());
    const mine = ++seq;
    qp.busy = true;
    data.search
      .find(query, opts.objects, c.signal)
      .then(results => {
        if (mine !== seq) return;
        const items: ResultItem[] = results.map(r => ({
          label: r.record_text || r.id.record_id,
          description: data.records.object(r.object_slug)?.singular_noun ?? r.object_slug,
          iconPath: objectIcon(r.object_slug),
          alwaysShow: true,
          result: r,
        }));
        first = { query, result: items[0]?.result };
        qp.items = [...skipItem, ...(items.length ? items : [{ label: query ? vscode.l10n.t({ message: 'No records match "{0}"', args: [query], comment: '{0}: what was typed' }) : vscode.l10n.t('No records'), alwaysShow: true }])];
        // an Enter that came before these results takes the first of them, if they answer what is typed now
        if (acceptWhenReady && query === qp.value.trim()) {
          acceptWhenReady = false;
          if (items[0]?.result) finish(items[0].result);
        }
      })
      .catch(e => {
        if (mine !== seq) return;
        const view = describeError(e, vscode.l10n.t({ message: 'Search', comment: 'the record search, as a feature name' }));
        if (view.kind === 'cancelled') return;
        log.warn(`search failed: ${view.message}`);
        qp.items = [...skipItem, { label: `$(error) ${view.message}`, alwaysShow: true }];
      })
      .finally(() => {
        if (mine === seq) qp.busy = false;
      });
  };

  return new Promise(resolve => {
    let done = false;
    finish = (v: SearchResult | 'skip' | undefined): void => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
      resolve(v);
      qp.dispose();
    };
    qp.onDidChangeValue(value => {
      acceptWhenReady = false;
      if (timer) clearTimeout(timer);
      controller?.abort();
      timer = setTimeout(() => {
        timer = undefined;
        run(value.trim());
      }, SEARCH_DEBOUNCE_MS);
    });
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0];
      const searching = qp.busy || timer !== undefined;
      if (item?.skip) finish('skip');
      else if (searching) acceptWhenReady = true;
      else if (item?.result) finish(item.result);
      // Enter reached us before the window had shown the results it answers (so nothing was selected): the first
      else if (!item && first?.result && first.query === qp.value.trim()) finish(first.result);
    });
    qp.onDidHide(() => finish(undefined));
    qp.items = skipItem;
    qp.show();
    run('');
  });
}
