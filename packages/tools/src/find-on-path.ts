import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Returns the first executable file named `name` in the folders of `env.PATH`, or undefined.
 * On Windows each extension of PATHEXT is tried too.
 */
export async function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  if (name.includes('/') || name.includes(path.sep)) {
    return undefined;
  }
  const isWindows = process.platform === 'win32';
  const folders = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter((folder) => folder !== '');
  const extensions = isWindows ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';')] : [''];

  for (const folder of folders) {
    for (const extension of extensions) {
      const candidate = path.join(folder, name + extension);
      if (await isExecutableFile(candidate, isWindows)) {
        return candidate;
      }
    }
  }
  return undefined;
}

async function isExecutableFile(file: string, isWindows: boolean): Promise<boolean> {
  try {
    const info = await stat(file);
    if (!info.isFile()) {
      return false;
    }
    if (!isWindows) {
      await access(file, constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}
