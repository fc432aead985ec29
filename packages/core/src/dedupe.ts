import { severityRank, type Finding } from './finding.js';
import { FINGERPRINT_KEY } from './fingerprint.js';

/** Findings that were merged into one, in sorted order. */
interface Group {
  members: Finding[];
  /** Last line any member covers. A finding that starts after it is at another place. */
  endLine: number;
}

/** A finding with the sort keys computed once. */
interface Entry {
  finding: Finding;
  index: number;
  place: string;
  startLine: number;
  endLine: number;
  tool: string;
}

/**
 * Merges findings that report the same problem at the same place, from one tool or several,
 * into one finding that names every tool.
 *
 * Same place: the same path with overlapping line ranges, or the same URL for DAST findings.
 * Findings with no location at all merge only on the same rule and message, or the same
 * advisory for the same package. Otherwise the same problem is the same rule id, or a shared
 * CWE, CVE or GHSA id between findings of different tools (one tool's two rules stay two),
 * and for dependency findings also the same package name. The merged finding takes
 * the rule, message, location and fingerprint of its first member in the order path, start
 * line, tool. It gets the highest severity and the union of tools, CWE ids, vulnerability ids
 * and controls, and stays suppressed only when every member was suppressed.
 *
 * The input is sorted once and each finding is compared only with the groups still open at
 * its path, so the cost is O(n log n) plus the work for overlapping ranges. The input array
 * and its findings are not modified, and a finding that merges with nothing is returned as
 * the same object.
 */
export function deduplicate(findings: Finding[]): Finding[] {
  const entries = findings.map(toEntry).sort(compareEntries);
  const groups: Group[] = [];
  let openGroups: Group[] = [];
  let currentPlace: string | undefined;

  for (const { finding, place, startLine, endLine } of entries) {
    if (place !== currentPlace) {
      currentPlace = place;
      openGroups = [];
    } else if (openGroups.some((group) => group.endLine < startLine)) {
      openGroups = openGroups.filter((group) => group.endLine >= startLine);
    }

    const same = place === NO_PLACE ? isSameProblemWithoutPlace : isSameProblem;
    const match = openGroups.find((group) => group.members.some((member) => same(member, finding)));
    if (match) {
      match.members.push(finding);
      match.endLine = Math.max(match.endLine, endLine);
      continue;
    }
    const group = { members: [finding], endLine };
    groups.push(group);
    openGroups.push(group);
  }

  return groups.map(mergeGroup);
}

function toEntry(finding: Finding, index: number): Entry {
  const startLine = finding.location?.startLine ?? 0;
  const endLine = Math.max(startLine, finding.location?.endLine ?? startLine);
  return { finding, index, place: placeKey(finding), startLine, endLine, tool: finding.tools[0] ?? '' };
}

function compareEntries(a: Entry, b: Entry): number {
  return (
    compareText(a.place, b.place) || a.startLine - b.startLine || compareText(a.tool, b.tool) || a.index - b.index
  );
}

function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** Returns a key that is equal for findings at the same file, the same URL, or no location. */
function placeKey(finding: Finding): string {
  if (finding.location) {
    return `file:${finding.location.path}`;
  }
  if (finding.url !== undefined) {
    return `url:${finding.url}`;
  }
  return NO_PLACE;
}

const NO_PLACE = 'none:';

/**
 * Findings with neither a file nor a URL share no real place, so a shared CWE is not enough:
 * they merge only when they carry the same rule and message, or the same advisory for the
 * same package.
 */
function isSameProblemWithoutPlace(member: Finding, finding: Finding): boolean {
  if (member.package?.name !== finding.package?.name) {
    return false;
  }
  if (member.rule.id === finding.rule.id && member.message === finding.message) {
    return true;
  }
  return member.package !== undefined && sharesId(member.vulnerabilityIds, finding.vulnerabilityIds);
}

/**
 * Returns true when two findings at the same place report the same problem. A finding
 * matches a group when it matches any member, so three findings linked by CWE-79 and then CWE-80 end up in one group.
 */
function isSameProblem(member: Finding, finding: Finding): boolean {
  const memberPackage = member.package?.name;
  const findingPackage = finding.package?.name;
  if (memberPackage !== undefined && findingPackage !== undefined && memberPackage !== findingPackage) {
    return false;
  }
  if (member.rule.id === finding.rule.id) {
    // Two secrets of one rule on one line are two findings: each must be rotated. Secret
    // findings carry a hash of their secret under FINGERPRINT_KEY, so different hashes mean
    // different secrets.
    const memberSecret = member.category === 'secrets' ? member.partialFingerprints?.[FINGERPRINT_KEY] : undefined;
    const findingSecret = finding.category === 'secrets' ? finding.partialFingerprints?.[FINGERPRINT_KEY] : undefined;
    return memberSecret === undefined || findingSecret === undefined || memberSecret === findingSecret;
  }
  // One tool's two rules are two problems even when they share a CWE, because the tool itself distinguished them.
  if (member.tools.length === 1 && finding.tools.length === 1 && member.tools[0] === finding.tools[0]) {
    return false;
  }
  return sharesId(member.cwes, finding.cwes) || sharesId(member.vulnerabilityIds, finding.vulnerabilityIds);
}

function sharesId(left: string[], right: string[]): boolean {
  if (left.length === 0 || right.length === 0) {
    return false;
  }
  return left.some((a) => right.some((b) => normalizeId(a) === normalizeId(b)));
}

/** CWE, CVE and GHSA ids compare without regard to case (`cwe-79` is `CWE-79`). */
function normalizeId(id: string): string {
  return id.trim().toUpperCase();
}

/** Builds the merged finding. A finding that merged with nothing is returned as it is. */
function mergeGroup(group: Group): Finding {
  const members = group.members;
  const first = members[0]!;
  if (members.length === 1 && isSortedUnique(first.tools)) {
    return first;
  }

  const { suppression, ...fields } = first;
  const merged: Finding = {
    ...fields,
    tools: uniqueValues(members.flatMap((member) => member.tools)).sort(),
    severity: highestSeverity(members),
    cwes: unionIds(members.map((member) => member.cwes)),
    vulnerabilityIds: unionIds(members.map((member) => member.vulnerabilityIds)),
    controls: uniqueValues(members.flatMap((member) => member.controls))
  };
  if (members.every((member) => member.suppression !== undefined)) {
    merged.suppression = suppression;
  }
  return merged;
}

function uniqueValues(values: string[]): string[] {
  return values.length < 2 ? values : [...new Set(values)];
}

function isSortedUnique(values: string[]): boolean {
  for (let i = 1; i < values.length; i += 1) {
    if (!(values[i - 1]! < values[i]!)) {
      return false;
    }
  }
  return true;
}

function highestSeverity(members: Finding[]): Finding['severity'] {
  let highest = members[0]!.severity;
  for (const member of members) {
    if (severityRank(member.severity) < severityRank(highest)) {
      highest = member.severity;
    }
  }
  return highest;
}

/** Returns the ids in first-seen order, without repeats that differ only in case. */
function unionIds(lists: string[][]): string[] {
  const ids = lists.flat();
  if (ids.length < 2) {
    return ids;
  }
  const seen = new Set<string>();
  const result: string[] = [];
  for (const id of ids) {
    const key = normalizeId(id);
    if (!seen.has(key)) {
      seen.add(key);
      result.push(id);
    }
  }
  return result;
}
