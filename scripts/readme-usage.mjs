// Writes the inputs and outputs of every action.yml into README.md between the usage
// markers, so the README and the action metadata never disagree. With --check it exits 1
// instead of writing when the README is out of date.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- usage:start -->';
const END = '<!-- usage:end -->';

export function renderUsage() {
  const sections = [];
  const actions = readdirSync(path.join(root, 'actions')).filter((name) => existsSync(path.join(root, 'actions', name, 'action.yml'))).sort();
  for (const name of actions) {
    const metadata = parse(readFileSync(path.join(root, 'actions', name, 'action.yml'), 'utf8'));
    const lines = [`### \`actions/${name}\`: ${metadata.name}`, '', oneLine(metadata.description), '', '| input | default | description |', '| --- | --- | --- |'];
    for (const [input, spec] of Object.entries(metadata.inputs ?? {})) {
      const fallback = spec.default === undefined || spec.default === '' ? '' : `\`${spec.default}\``;
      lines.push(`| \`${input}\` | ${fallback} | ${cell(spec.description)} |`);
    }
    lines.push('', '| output | description |', '| --- | --- |');
    for (const [output, spec] of Object.entries(metadata.outputs ?? {})) {
      lines.push(`| \`${output}\` | ${cell(spec.description)} |`);
    }
    sections.push(lines.join('\n'));
  }
  return `${START}\n<!-- Generated from actions/*/action.yml by scripts/readme-usage.mjs; edit those files instead. -->\n\n${sections.join('\n\n')}\n\n${END}`;
}

function oneLine(text = '') {
  return text.replace(/\s+/g, ' ').trim();
}

function cell(text) {
  return oneLine(text).replace(/\|/g, '\\|');
}

export function updateReadme(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`README.md: the markers ${START} and ${END} are missing`);
  }
  return readme.slice(0, start) + renderUsage() + readme.slice(end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = path.join(root, 'README.md');
  const current = readFileSync(file, 'utf8');
  const updated = updateReadme(current);
  if (process.argv.includes('--check')) {
    if (updated !== current) {
      console.error('README.md: the usage section is out of date; run `node scripts/readme-usage.mjs`.');
      process.exit(1);
    }
    console.log('README.md usage section is up to date.');
  } else if (updated !== current) {
    writeFileSync(file, updated);
    console.log('README.md usage section updated.');
  }
}
