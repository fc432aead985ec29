import type { Scanner } from '@devsecops/core';
import { sastScanner } from '@devsecops/sast';
import { secretsScanner } from '@devsecops/secrets';
import { iacScanner } from '@devsecops/iac';

/**
 * The scanners `devsecops scan` can run, by category. Each scanner package exports one
 * `Scanner`; add it here when the package lands.
 */
export const SCANNERS: Record<string, Scanner> = {
  iac: iacScanner,
  sast: sastScanner,
  secrets: secretsScanner
};
