import path from 'node:path';

import { toRepoPath } from '../workspace.js';
import type { ArtifactLocation } from './types.js';

/**
 * Resolution of SARIF artifact locations (`uri`, `uriBaseId`, `index`) to repository paths.
 *
 * A relative `uri` is resolved against its `uriBaseId`, looked up in the run's
 * `originalUriBaseIds`, whose entries may point at further ids. An id with no entry (such as
 * `%SRCROOT%`, which many tools write without defining it) and an entry with no `uri` are
 * the workspace root. Backslashes are read as path separators because Windows tools write
 * them. Relative and POSIX paths are checked with `toRepoPath`, Windows drive paths against
 * a drive-letter workspace, so a path outside the workspace is reported and never returned.
 */

/** Longest chain of `uriBaseId` references followed before giving up. */
export const MAX_URI_BASE_DEPTH = 16;

export interface UriResolutionContext {
  /** Absolute path of the repository root that paths must stay inside. */
  workspace: string;
  /** `run.originalUriBaseIds`, unchecked as read from the file. */
  originalUriBaseIds?: unknown;
  /** `run.artifacts`, unchecked as read from the file. */
  artifacts?: unknown;
  /**
   * Resolutions already made in this run, by uri, base id and index. Tools repeat the same
   * few hundred paths across many thousands of results, and each resolution costs several
   * path operations. Only valid for one run, whose base ids and artifacts do not change.
   */
  cache?: Map<string, UriResolution>;
}

export type UriResolution =
  /** A file inside the workspace: repository-relative, forward slashes. */
  | { kind: 'path'; path: string }
  /** A URI with a scheme other than `file`, such as a DAST target. */
  | { kind: 'url'; url: string }
  /** A file outside the workspace; `reason` completes "location <uri> …". */
  | { kind: 'outside'; reason: string }
  /** Not a usable file reference; `reason` completes "location <uri> …". */
  | { kind: 'invalid'; reason: string };

/** Where a URI reference points, before the workspace check. */
type Target =
  | { kind: 'relative'; path: string }
  | { kind: 'absolute'; path: string; windows: boolean }
  | { kind: 'url'; url: string }
  | { kind: 'remote'; host: string };

/** A parsed URI reference: a target, or a relative path still to be joined to a base. */
type Reference = Target | { kind: 'invalid'; reason: string };

class UriBaseError extends Error {}

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const FORBIDDEN_CHARACTER = /[ "<>^`{|}]/;
const MALFORMED_PERCENT = /%(?![0-9A-Fa-f]{2})/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const WINDOWS_ABSOLUTE = /^[A-Za-z]:(\/|\\|$)/;

/** Cache of resolved base ids, keyed by the run's `originalUriBaseIds` object. */
const baseCache = new WeakMap<object, Map<string, Target | UriBaseError>>();

/**
 * Resolves a SARIF `artifactLocation` to a repository-relative path, a URL, or the reason
 * it cannot be used. `location.uri` wins over `location.index`; the index is used only when
 * the uri is absent, and -1 means "no index" as in SARIF.
 */
export function resolveArtifactUri(location: ArtifactLocation | undefined, context: UriResolutionContext): UriResolution {
  const key = context.cache ? cacheKey(location) : undefined;
  if (key === undefined) {
    return resolveUncached(location, context);
  }
  let resolution = context.cache!.get(key);
  if (resolution === undefined) {
    resolution = resolveUncached(location, context);
    context.cache!.set(key, resolution);
  }
  return resolution;
}

/** Returns a key for locations made of plain values only; anything odd is resolved every time. */
function cacheKey(location: ArtifactLocation | undefined): string | undefined {
  if (!location) {
    return undefined;
  }
  const { uri, uriBaseId, index } = location as { uri?: unknown; uriBaseId?: unknown; index?: unknown };
  const plain = (value: unknown, type: 'string' | 'number'): boolean => value === undefined || typeof value === type;
  if (!plain(uri, 'string') || !plain(uriBaseId, 'string') || !plain(index, 'number')) {
    return undefined;
  }
  return `${index ?? ''}\u0000${uriBaseId ?? ''}\u0000${uri ?? ''}`;
}

function resolveUncached(location: ArtifactLocation | undefined, context: UriResolutionContext): UriResolution {
  const effective = effectiveLocation(location, context.artifacts);
  if ('reason' in effective) {
    return { kind: 'invalid', reason: effective.reason };
  }

  const reference = parseReference(effective.uri);
  if (reference.kind === 'invalid') {
    return reference;
  }

  let target: Target;
  try {
    target = reference.kind === 'relative' ? joinTarget(baseTarget(effective.uriBaseId, context), reference.path, effective.uri) : reference;
  } catch (error) {
    if (error instanceof UriBaseError) {
      return { kind: 'invalid', reason: error.message };
    }
    throw error;
  }

  return classify(target, context.workspace);
}

/** Describes an artifact location for messages: its uri, with the base id when there is one. */
export function describeArtifactLocation(location: ArtifactLocation | undefined): string {
  if (!location) {
    return '(none)';
  }
  const uri = typeof location.uri === 'string' ? location.uri : typeof location.index === 'number' ? `artifacts[${location.index}]` : '(no uri)';
  const base = typeof location.uriBaseId === 'string' ? ` (uriBaseId ${location.uriBaseId})` : '';
  return `${uri}${base}`;
}

function effectiveLocation(location: ArtifactLocation | undefined, artifacts: unknown): { uri: string; uriBaseId?: string } | { reason: string } {
  if (location && typeof location.uri === 'string') {
    return { uri: location.uri, uriBaseId: stringOrUndefined(location.uriBaseId) };
  }

  const index = location?.index;
  if (typeof index !== 'number' || index === -1) {
    return { reason: 'has no uri' };
  }
  const artifact = Array.isArray(artifacts) && Number.isInteger(index) && index >= 0 ? (artifacts[index] as unknown) : undefined;
  const artifactLocation = isObject(artifact) && isObject(artifact.location) ? artifact.location : undefined;
  if (!artifactLocation || typeof artifactLocation.uri !== 'string') {
    return { reason: `has no uri, and run.artifacts[${index}] has no location uri` };
  }
  return { uri: artifactLocation.uri, uriBaseId: stringOrUndefined(artifactLocation.uriBaseId) };
}

/** Parses one URI reference as SARIF files write it, tolerating Windows backslashes. */
function parseReference(uri: string): Reference {
  if (CONTROL_CHARACTER.test(uri)) {
    return { kind: 'invalid', reason: 'is not a valid URI: it contains a control character' };
  }
  const text = uri.replace(/\\/g, '/');
  const forbidden = FORBIDDEN_CHARACTER.exec(text);
  if (forbidden) {
    const shown = forbidden[0] === ' ' ? 'a space' : `"${forbidden[0]}"`;
    return { kind: 'invalid', reason: `is not a valid URI: it contains ${shown}, which must be percent-encoded` };
  }
  if (MALFORMED_PERCENT.test(text)) {
    return { kind: 'invalid', reason: 'is not a valid URI: a "%" is not followed by two hexadecimal digits' };
  }

  const scheme = SCHEME.exec(text)?.[1];
  if (scheme && scheme.length === 1) {
    // A drive letter such as `C:/src/a.c`: a Windows path written without `file://`.
    return decodedTarget(text, (decoded) => ({ kind: 'absolute', path: decoded, windows: true }));
  }
  if (scheme && scheme.toLowerCase() === 'file') {
    return parseFileUri(text.slice(scheme.length + 1));
  }
  if (scheme) {
    return { kind: 'url', url: uri };
  }

  const pathPart = stripQueryAndFragment(text);
  if (pathPart.startsWith('//')) {
    return { kind: 'remote', host: pathPart.slice(2).split('/')[0] ?? '' };
  }
  if (pathPart.startsWith('/')) {
    return decodedTarget(pathPart, (decoded) => ({ kind: 'absolute', path: decoded, windows: false }));
  }
  return decodedTarget(pathPart, (decoded) => ({ kind: 'relative', path: decoded }));
}

/** Parses what follows `file:`: `///abs/path`, `//localhost/abs`, `///C:/dir` or `//host/share`. */
function parseFileUri(rest: string): Reference {
  let pathPart = stripQueryAndFragment(rest);
  if (pathPart.startsWith('//')) {
    const slash = pathPart.indexOf('/', 2);
    const host = slash === -1 ? pathPart.slice(2) : pathPart.slice(2, slash);
    pathPart = slash === -1 ? '/' : pathPart.slice(slash);
    if (/^[A-Za-z]:$/.test(host)) {
      // `file://C:/dir` is malformed (the drive sits where the host goes) but common.
      pathPart = `/${host}${pathPart}`;
    } else if (host !== '' && host.toLowerCase() !== 'localhost') {
      return { kind: 'remote', host };
    }
  }

  return decodedTarget(pathPart, (decoded) => {
    if (/^\/[A-Za-z]:(\/|$)/.test(decoded)) {
      return { kind: 'absolute', path: decoded.slice(1), windows: true };
    }
    if (WINDOWS_ABSOLUTE.test(decoded)) {
      return { kind: 'absolute', path: decoded, windows: true };
    }
    if (!decoded.startsWith('/')) {
      return { kind: 'invalid', reason: 'is not a valid file URI: its path is not absolute' };
    }
    return { kind: 'absolute', path: decoded, windows: false };
  });
}

function decodedTarget(encoded: string, build: (decoded: string) => Reference): Reference {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return { kind: 'invalid', reason: 'is not a valid URI: its percent-encoding is not UTF-8' };
  }
  if (decoded.includes('\0')) {
    return { kind: 'invalid', reason: 'is not a valid URI: it encodes a NUL character' };
  }
  return build(decoded.replace(/\\/g, '/'));
}

function stripQueryAndFragment(text: string): string {
  const end = text.search(/[?#]/);
  return end === -1 ? text : text.slice(0, end);
}

/** Resolves a `uriBaseId` to the target it names; absent or undefined ids are the workspace root. */
function baseTarget(uriBaseId: string | undefined, context: UriResolutionContext): Target {
  const workspaceRoot: Target = { kind: 'relative', path: '' };
  const bases = context.originalUriBaseIds;
  if (uriBaseId === undefined || !isObject(bases)) {
    return workspaceRoot;
  }

  let cache = baseCache.get(bases);
  if (!cache) {
    cache = new Map();
    baseCache.set(bases, cache);
  }
  const cached = cache.get(uriBaseId);
  if (cached instanceof UriBaseError) {
    throw cached;
  }
  if (cached) {
    return cached;
  }

  try {
    const target = resolveBase(uriBaseId, bases, []);
    cache.set(uriBaseId, target);
    return target;
  } catch (error) {
    if (error instanceof UriBaseError) {
      cache.set(uriBaseId, error);
    }
    throw error;
  }
}

function resolveBase(id: string, bases: Record<string, unknown>, chain: string[]): Target {
  const workspaceRoot: Target = { kind: 'relative', path: '' };
  if (chain.includes(id)) {
    throw new UriBaseError(`cannot be resolved: run.originalUriBaseIds has a cycle ${[...chain, id].join(' -> ')}`);
  }
  if (chain.length >= MAX_URI_BASE_DEPTH) {
    throw new UriBaseError(`cannot be resolved: run.originalUriBaseIds chains more than ${MAX_URI_BASE_DEPTH} uriBaseId references (${chain.join(' -> ')} -> …)`);
  }
  const next = [...chain, id];

  const entry = Object.hasOwn(bases, id) ? bases[id] : undefined;
  // SARIF 2.0 drafts wrote the base as a plain string; read it the same way.
  const uri = typeof entry === 'string' ? entry : isObject(entry) ? stringOrUndefined(entry.uri) : undefined;
  const parentId = isObject(entry) ? stringOrUndefined(entry.uriBaseId) : undefined;
  if (uri === undefined) {
    return parentId === undefined ? workspaceRoot : resolveBase(parentId, bases, next);
  }

  const reference = parseReference(uri);
  if (reference.kind === 'invalid') {
    throw new UriBaseError(`cannot be resolved: run.originalUriBaseIds.${id}.uri "${uri}" ${reference.reason}`);
  }
  if (reference.kind !== 'relative') {
    return reference;
  }
  const parent = parentId === undefined ? workspaceRoot : resolveBase(parentId, bases, next);
  return joinTarget(parent, reference.path, uri);
}

/** Joins a decoded relative path to a base target; `raw` is the undecoded reference for URLs. */
function joinTarget(base: Target, relative: string, raw: string): Target {
  switch (base.kind) {
    case 'relative':
      return { kind: 'relative', path: path.posix.join(base.path, relative) };
    case 'absolute':
      return {
        kind: 'absolute',
        path: base.windows ? path.win32.join(base.path, relative).replace(/\\/g, '/') : path.posix.join(base.path, relative),
        windows: base.windows
      };
    case 'url':
      try {
        return { kind: 'url', url: new URL(raw.replace(/\\/g, '/'), base.url).href };
      } catch {
        throw new UriBaseError(`cannot be resolved against the base URL ${base.url}`);
      }
    case 'remote':
      return base;
  }
}

function classify(target: Target, workspace: string): UriResolution {
  switch (target.kind) {
    case 'url':
      return { kind: 'url', url: target.url };
    case 'remote':
      return { kind: 'outside', reason: `is on host ${target.host}, not in the workspace` };
    case 'relative':
      return classifyRelative(target.path, workspace);
    case 'absolute':
      return classifyAbsolute(target, workspace);
  }
}

function classifyRelative(relative: string, workspace: string): UriResolution {
  const normalized = path.posix.normalize(relative === '' ? '.' : relative);
  if (normalized === '.' || normalized === './') {
    return { kind: 'invalid', reason: 'is the workspace root, not a file' };
  }
  if (normalized === '..' || normalized.startsWith('../')) {
    return { kind: 'outside', reason: 'is outside the workspace' };
  }
  const repoPath = toRepoPath(workspace, normalized);
  return repoPath === undefined ? { kind: 'outside', reason: 'is outside the workspace' } : { kind: 'path', path: repoPath };
}

function classifyAbsolute(target: { path: string; windows: boolean }, workspace: string): UriResolution {
  const repoPath = target.windows ? windowsRepoPath(workspace, target.path) : posixRepoPath(workspace, target.path);
  if (repoPath === '') {
    return { kind: 'invalid', reason: 'is the workspace root, not a file' };
  }
  if (repoPath === undefined) {
    return {
      kind: 'outside',
      reason: `is outside the workspace ${workspace} (an absolute path, probably from the machine that ran the tool)`
    };
  }
  return { kind: 'path', path: repoPath };
}

/** Returns '' for the workspace root itself and undefined for a path outside it. */
function posixRepoPath(workspace: string, absolute: string): string | undefined {
  if (path.sep !== '/' && WINDOWS_ABSOLUTE.test(workspace)) {
    // On a Windows runner a rooted path without a drive is outside any drive-letter workspace.
    return undefined;
  }
  if (path.posix.normalize(absolute).replace(/\/+$/, '') === path.posix.normalize(workspace).replace(/\/+$/, '')) {
    return '';
  }
  return toRepoPath(workspace, absolute);
}

/** Windows paths compare without case, as NTFS does; only a drive-letter workspace contains them. */
function windowsRepoPath(workspace: string, absolute: string): string | undefined {
  if (!WINDOWS_ABSOLUTE.test(workspace)) {
    return undefined;
  }
  const relative = path.win32.relative(workspace, absolute);
  if (relative === '') {
    return '';
  }
  if (relative.startsWith('..') || path.win32.isAbsolute(relative)) {
    return undefined;
  }
  return relative.split('\\').join('/');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
