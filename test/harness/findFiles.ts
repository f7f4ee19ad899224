import * as fs from 'fs';
import * as path from 'path';

/** Every file under `dir` whose name ends with `suffix`, sorted (the mocha runners' test discovery). */
export function findFiles(dir: string, suffix: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findFiles(full, suffix));
    else if (entry.name.endsWith(suffix)) found.push(full);
  }
  return found.sort();
}
