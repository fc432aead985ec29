import { runScannerAction } from '@devsecops/github';
import { sastScanner } from '@devsecops/sast';

/** Inputs of the sast action beyond the common scanner inputs, passed to the scanner as settings. */
export const SAST_SETTING_INPUTS = ['semgrep-config', 'codeql-sarif', 'timeout-minutes', 'install', 'baseline-commit'];

export async function run(): Promise<void> {
  await runScannerAction({ action: 'sast', scanner: sastScanner, settingInputs: SAST_SETTING_INPUTS });
}
