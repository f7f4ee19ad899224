/** Generated text for the record-URL tests and the link-scan benchmark. */

/**
 * A file of code and prose with a record URL on every `every`-th line (none with `every` = 0), and some lines that
 * name Attio's app without a record link; returns it, the links' line numbers and their record ids.
 */
export function bigFile(lines = 10000, every = 200): { text: string; urlLines: number[]; ids: string[] } {
  const out: string[] = [];
  const urlLines: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < lines; i++) {
    if (every > 0 && i % every === every - 1) {
      const id = `${(0x10000000 + i).toString(16)}-6035-429d-b874-d83ea64ea13b`;
      urlLines.push(i);
      ids.push(id);
      out.push(i % 3 === 0 ? `  // owner: https://app.attio.com/northwind-labs/person/${id}/overview.` : `See [the account](https://app.attio.com/northwind-labs/company/${id}) for details.`);
    } else if (i % 97 === 0) {
      out.push('Docs: https://app.attio.com/northwind-labs/people lists everyone (a page, not a record).');
    } else if (i % 7 === 0) {
      out.push('Plain prose mentioning app.attio.com and https://attio.com/help without a record link.');
    } else {
      out.push(`  const value${i} = compute(input[${i}], { retries: 3, timeoutMs: 1500 }); // keep going`);
    }
  }
  return { text: out.join('\n'), urlLines, ids };
}
