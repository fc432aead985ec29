import { runScannerAction } from '@devsecops/github';
import { iacScanner } from '@devsecops/iac';

/** Inputs of the iac action beyond the common scanner inputs, passed to the scanner as settings. */
export const IAC_SETTING_INPUTS = ['frameworks'];

export async function run(): Promise<void> {
  await runScannerAction({ action: 'iac', scanner: iacScanner, settingInputs: IAC_SETTING_INPUTS });
}
