import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { compareWithBaseline, formatBaseline, readBaseline, type Baseline } from '../src/baseline.js';
import { ReportError } from '../src/errors.js';
import type { Finding } from '../src/finding.js';
import { corpusPath } from '../../../test/corpus.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'baseline');

function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

function finding(fingerprint: string, overrides: Partial<Finding> = {}): Finding {
  return {
    tools: ['CodeQL'],
    category: 'sast',
    rule: { id: 'js/xss' },
    severity: 'high',
    message: 'XSS',
    location: { path: 'src/app.js', startLine: 3 },
    cwes: [],
    vulnerabilityIds: [],
    fingerprint,
    controls: [],
    ...overrides
  };
}

async function readError(file: string): Promise<ReportError> {
  try {
    await readBaseline(file);
  } catch (error) {
    if (error instanceof ReportError) {
      return error;
    }
    throw error;
  }
  throw new Error(`${file} was accepted`);
}

describe('readBaseline accepted forms', () => {
  it.each([
    [
      'baseline.json',
      ['0f1e2d3c4b5a69788796a5b4c3d2e1f0', '6229588e56c369cbf8de08567202e865', '6229588e56c369cbf8de08567202e865:2']
    ],
    ['array.json', ['6229588e56c369cbf8de08567202e865', 'aa00aa00aa00aa00aa00aa00aa00aa00']],
    ['results.sarif', ['6229588e56c369cbf8de08567202e865', 'bb11bb11bb11bb11bb11bb11bb11bb11']]
  ])('reads %s', async (name, expected) => {
    const baseline = await readBaseline(fixture(name));
    expect(baseline.file).toBe(fixture(name));
    expect([...baseline.fingerprints]).toEqual(expected);
  });

  it('reads no fingerprints from a corpus SARIF log that has none of ours', async () => {
    // codeql-action__fingerprinting2.input.sarif: one CodeQL result with empty partialFingerprints.
    const file = corpusPath('reports', 'sarif', 'codeql-action__fingerprinting2.input.sarif');
    const baseline = await readBaseline(file);
    expect(baseline.fingerprints.size).toBe(0);
  });

  it('reads what formatBaseline writes', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'baseline-'));
    const file = path.join(directory, 'baseline.json');
    writeFileSync(file, formatBaseline([finding('bbb'), finding('aaa')]));
    const baseline = await readBaseline(file);
    expect([...baseline.fingerprints]).toEqual(['aaa', 'bbb']);
  });
});

describe('readBaseline rejected content', () => {
  it.each([
    ['wrong-version.json', '"version" is 2; expected 1'],
    ['number-entry.json', 'fingerprints[1] is a number; expected a non-empty fingerprint string'],
    ['fingerprints-string.json', '"fingerprints" is a string; expected an array of strings'],
    [
      'top-level-string.json',
      'the top level is a string; expected {"version": 1, "fingerprints": [...]}, a JSON array of fingerprint strings, or a SARIF log'
    ],
    [
      'unknown-object.json',
      'the object has neither "fingerprints" nor "runs"; expected {"version": 1, "fingerprints": [...]}, a JSON array of fingerprint strings, or a SARIF log'
    ],
    [
      'sarif-number.sarif',
      'runs[0].results[0].partialFingerprints["devsecops/v1"] is a number; expected a non-empty string'
    ],
    ['sarif-results-object.sarif', 'runs[0].results is an object; expected an array'],
    ['sarif-runs-object.sarif', '"runs" is an object; expected an array of SARIF runs']
  ])('rejects %s', async (name, detail) => {
    const error = await readError(fixture(name));
    expect(error.file).toBe(fixture(name));
    expect(error.detail).toBe(detail);
    expect(error.message).toBe(`${fixture(name)}: ${detail}`);
  });

  it('rejects invalid JSON and names the accepted forms', async () => {
    const error = await readError(fixture('truncated.json'));
    expect(error.detail).toBe(
      'invalid JSON at line 1, column 34: expected a value, but the text ended; expected {"version": 1, "fingerprints": [...]}, a JSON array of fingerprint strings, or a SARIF log'
    );
  });

  it('rejects a missing file', async () => {
    const error = await readError(fixture('missing.json'));
    expect(error.file).toBe(fixture('missing.json'));
    expect(error.detail).toMatch(/^could not be read: ENOENT/u);
  });
});

describe('compareWithBaseline', () => {
  const baseline: Baseline = { file: 'baseline.json', fingerprints: new Set(['keep-1', 'gone-b', 'keep-2', 'gone-a']) };

  it('splits existing and fixed fingerprints', () => {
    const result = compareWithBaseline([finding('keep-2'), finding('new-1'), finding('keep-1')], baseline);
    expect([...result.existing].sort()).toEqual(['keep-1', 'keep-2']);
    expect(result.fixed).toEqual(['gone-a', 'gone-b']);
  });

  it('counts a suppressed finding as still present', () => {
    const suppressed = finding('gone-a', { suppression: { kind: 'inline' } });
    const result = compareWithBaseline([suppressed], baseline);
    expect([...result.existing]).toEqual(['gone-a']);
    expect(result.fixed).toEqual(['gone-b', 'keep-1', 'keep-2']);
  });

  it('reports every baseline fingerprint as fixed when nothing is found', () => {
    const result = compareWithBaseline([], baseline);
    expect(result.existing.size).toBe(0);
    expect(result.fixed).toEqual(['gone-a', 'gone-b', 'keep-1', 'keep-2']);
  });
});

describe('formatBaseline', () => {
  it('writes sorted unique fingerprints of unsuppressed findings', () => {
    const text = formatBaseline([
      finding('c3'),
      finding('a1'),
      finding('c3'),
      finding('b2', { suppression: { kind: 'inline', source: 'src/app.js:2' } }),
      finding('d4', { suppression: { kind: 'config', justification: 'test fixture' } }),
      finding('e5', { suppression: { kind: 'baseline' } }),
      finding('')
    ]);
    expect(text).toBe('{\n  "version": 1,\n  "fingerprints": [\n    "a1",\n    "c3",\n    "e5"\n  ]\n}\n');
  });

  it('writes an empty list for no findings', () => {
    expect(JSON.parse(formatBaseline([]))).toEqual({ version: 1, fingerprints: [] });
  });

  it('matches the committed fixture for the same fingerprints', () => {
    const text = formatBaseline([
      finding('6229588e56c369cbf8de08567202e865:2'),
      finding('6229588e56c369cbf8de08567202e865'),
      finding('0f1e2d3c4b5a69788796a5b4c3d2e1f0')
    ]);
    expect(text).toBe(readFileSync(fixture('baseline.json'), 'utf8'));
  });
});
