/**
 * What a browser workbench keeps in the page's own storage: every IndexedDB database (the window's log files, the
 * user-data file system of a web extension's global storage, the state and secret storage of the web embedder) and
 * localStorage / sessionStorage, read as text. The reader runs in the page (`page.evaluate`), so it is self-contained.
 */
import type { Page } from 'playwright-core';

export interface StoredText {
  /** `<database>/<store>/<key>`, or `localStorage/<key>` / `sessionStorage/<key>`. */
  where: string;
  /** The entry's own key (a log file's path). */
  key: string;
  contents: string;
}

/** Runs in the page: every entry of every IndexedDB store whose name matches `storePattern`, and the web storages when asked. */
async function readInPage({ storePattern, webStorage }: { storePattern: string; webStorage: boolean }): Promise<StoredText[]> {
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const text = (v: unknown): string =>
    typeof v === 'string' ? v : v instanceof Uint8Array ? new TextDecoder().decode(v) : v instanceof ArrayBuffer ? new TextDecoder().decode(new Uint8Array(v)) : JSON.stringify(v) ?? '';
  const matches = new RegExp(storePattern, 'i');
  const out: StoredText[] = [];
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await request(indexedDB.open(name));
    try {
      for (const storeName of Array.from(db.objectStoreNames).filter(n => matches.test(n))) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        keys.forEach((key, i) => out.push({ where: `${name}/${storeName}/${String(key)}`, key: String(key), contents: text(values[i]) }));
      }
    } finally {
      db.close();
    }
  }
  if (webStorage) {
    for (const [label, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        out.push({ where: `${label}/${key}`, key, contents: storage.getItem(key) ?? '' });
      }
    }
  }
  return out;
}

/** The window's log files (IndexedDB stores whose name says "log"), as `{relativePath, contents}`. */
export async function readBrowserLogFiles(page: Page): Promise<{ relativePath: string; contents: string }[]> {
  const entries = await page.evaluate(readInPage, { storePattern: 'log', webStorage: false });
  return entries.map(e => ({ relativePath: e.key, contents: e.contents }));
}

/** Everything the page keeps: every IndexedDB store of every database, localStorage and sessionStorage. */
export function readBrowserStorage(page: Page): Promise<StoredText[]> {
  return page.evaluate(readInPage, { storePattern: '', webStorage: true });
}
