import type { Scanner } from '@devsecops/core';

/**
 * Loaders of the scanners `devsecops scan` can run, by category. Each is imported only when
 * asked for, because the SAST engine bundles ESLint and TypeScript (about 20 MB): loading
 * every scanner up front made even `devsecops report` take 2 s to start.
 */
export const SCANNERS: Record<string, () => Promise<Scanner>> = {
  iac: async () => (await import('@devsecops/iac')).iacScanner,
  sast: async () => (await import('@devsecops/sast')).sastScanner,
  secrets: async () => (await import('@devsecops/secrets')).secretsScanner
};
