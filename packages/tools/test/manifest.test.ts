import { RecordingLogger } from '@devsecops/core';
import { TOOLS, ToolError, installBinaryTool, installPipTool } from '../src/index.js';
import type { BinaryToolSpec, PipToolSpec } from '../src/index.js';

const binaryTools = Object.values(TOOLS).filter((tool): tool is BinaryToolSpec => 'assets' in tool);
const pipTools = Object.values(TOOLS).filter((tool): tool is PipToolSpec => 'requirements' in tool);

describe('TOOLS manifest', () => {
  test('pinned versions and platforms', () => {
    const pinned = binaryTools.map((tool) => [tool.name, tool.version, tool.assets.map((a) => `${a.platform}-${a.arch}`).join(' ')]);
    expect(pinned).toEqual([
      ['gitleaks', '8.30.1', 'linux-x64 linux-arm64 darwin-x64 darwin-arm64'],
      ['trufflehog', '3.97.0', 'linux-x64 linux-arm64 darwin-x64 darwin-arm64'],
      ['trivy', '0.74.0', 'linux-x64 linux-arm64 darwin-x64 darwin-arm64'],
      ['grype', '0.117.0', 'linux-x64 linux-arm64 darwin-x64 darwin-arm64'],
      ['tfsec', '1.28.14', 'linux-x64 linux-arm64 darwin-x64 darwin-arm64'],
      ['kics', '1.5.1', 'linux-x64 linux-arm64 darwin-x64 darwin-arm64'],
      ['nuclei', '3.4.10', 'linux-x64 linux-arm64']
    ]);
    expect(pipTools.map((tool) => [tool.name, tool.version, tool.executable])).toEqual([
      ['checkov', '3.2.495', 'checkov'],
      ['semgrep', '1.126.0', 'semgrep'],
      ['bandit', '1.8.6', 'bandit']
    ]);
  });

  test.each(binaryTools.map((tool) => [tool.name, tool] as const))('%s assets are well formed', (_name, tool) => {
    for (const asset of tool.assets) {
      expect(asset.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(asset.url.startsWith('https://github.com/')).toBe(true);
      expect(asset.url).toContain(`/releases/download/v${tool.version}/`);
      expect(asset.url.split('/').pop()).toContain(tool.name);
      expect(asset.executable).toBe(tool.name);
      expect(asset.url.endsWith(`.${asset.format}`)).toBe(asset.format !== 'binary');
    }
  });

  test('digests are distinct', () => {
    const digests = binaryTools.flatMap((tool) => tool.assets.map((asset) => asset.sha256));
    expect(new Set(digests).size).toBe(digests.length);
    expect(digests).toHaveLength(26);
  });

  test('pip requirements pin hashes', () => {
    for (const tool of pipTools.filter((candidate) => candidate.requirements !== '')) {
      expect(tool.requirements.startsWith(`${tool.name}==${tool.version} `)).toBe(true);
      for (const hash of tool.requirements.match(/--hash=\S+/g) ?? []) {
        expect(hash).toMatch(/^--hash=sha256:[0-9a-f]{64}$/);
      }
    }
    expect(TOOLS.bandit.requirements.match(/--hash=/g)).toHaveLength(2);
    expect(TOOLS.semgrep.requirements.match(/--hash=/g)).toHaveLength(1);
  });

  test('nuclei on macOS has no asset', async () => {
    await expect(installBinaryTool(TOOLS.nuclei, { logger: new RecordingLogger(), cacheDir: '/nonexistent', platform: 'darwin', arch: 'arm64' })).rejects.toThrow(
      new ToolError('nuclei', 'no nuclei 3.4.10 release asset for darwin-arm64; supported: linux-x64, linux-arm64')
    );
  });

  test('checkov without hashes is rejected', async () => {
    await expect(installPipTool(TOOLS.checkov, { logger: new RecordingLogger(), cacheDir: '/nonexistent' })).rejects.toThrow(
      new ToolError('checkov', 'the requirements of checkov 3.2.495 pin no sha256 hashes, so the install was rejected; add --hash=sha256:… to every requirement')
    );
  });
});
