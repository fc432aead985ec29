import { runScannerAction } from '@devsecops/github';
import { secretsScanner } from '@devsecops/secrets';

/** Runs the secrets action: the common scanner inputs plus `mode`, `base` and `head`. */
export async function run(): Promise<void> {
  await runScannerAction({ action: 'secrets', scanner: secretsScanner, settingInputs: ['mode', 'base', 'head'] });
}
