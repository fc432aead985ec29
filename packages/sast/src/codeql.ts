import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

import { ReportError } from '@devsecops/core';

/**
 * Lists the SARIF files github/codeql-action/analyze wrote with `upload: false` and
 * `output: DIR`: one `<language>.sarif` per language in DIR, or the one file named.
 */
export async function codeqlSarifFiles(location: string): Promise<string[]> {
  let info;
  try {
    info = await stat(location);
  } catch {
    throw new ReportError(location, 'not found; expected the output folder (or a SARIF file) of github/codeql-action/analyze with upload: false');
  }
  if (info.isFile()) {
    return [location];
  }
  const names = (await readdir(location)).filter((name) => name.endsWith('.sarif')).sort();
  if (names.length === 0) {
    throw new ReportError(location, 'contains no .sarif file; did github/codeql-action/analyze run with output set to this folder?');
  }
  return names.map((name) => path.join(location, name));
}
