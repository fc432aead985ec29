/** Returns the first executable named `name` on `env.PATH`, or undefined. */
export async function findOnPath(_name: string, _env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  return undefined;
}
