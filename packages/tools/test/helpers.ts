import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** What the server sends for a path: a body, a redirect, or a status; a list is used one per request. */
export type Reply = { body: Buffer; contentType?: string } | { redirect: string } | { status: number };

export interface TestServer {
  url: string;
  /** Request paths in the order they arrived. */
  requests: string[];
  count(path: string): number;
  close(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 with scripted replies; unknown paths get 404. */
export async function startServer(routes: Record<string, Reply | Reply[]>): Promise<TestServer> {
  const requests: string[] = [];
  const served = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    requests.push(url);
    const index = served.get(url) ?? 0;
    served.set(url, index + 1);
    const route = routes[url];
    const reply = Array.isArray(route) ? route[Math.min(index, route.length - 1)] : route;
    if (!reply) {
      response.writeHead(404).end('not found');
    } else if ('redirect' in reply) {
      response.writeHead(302, { Location: reply.redirect }).end();
    } else if ('status' in reply) {
      response.writeHead(reply.status).end('scripted failure');
    } else {
      response
        .writeHead(200, { 'Content-Length': reply.body.length, 'Content-Type': reply.contentType ?? 'application/octet-stream' })
        .end(reply.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    count: (path) => requests.filter((request) => request === path).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}

export interface TarEntry {
  name: string;
  type?: 'file' | 'directory' | 'symlink';
  content?: string;
  linkTarget?: string;
  mode?: number;
}

/** Builds a gzip-compressed ustar archive in memory, with names written exactly as given. */
export function buildTarGz(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const content = Buffer.from(entry.content ?? '');
    const type = entry.type ?? 'file';
    const header = Buffer.alloc(512);
    header.write(entry.name, 0, 100, 'utf8');
    header.write(octal(entry.mode ?? (type === 'directory' ? 0o755 : 0o644), 8), 100);
    header.write(octal(0, 8), 108);
    header.write(octal(0, 8), 116);
    header.write(octal(type === 'file' ? content.length : 0, 12), 124);
    header.write(octal(1700000000, 12), 136);
    header.write(' '.repeat(8), 148);
    const typeFlags = { file: '0', symlink: '2', directory: '5' };
    header.write(typeFlags[type], 156);
    header.write(entry.linkTarget ?? '', 157, 100, 'utf8');
    header.write('ustar\u000000', 257);
    let sum = 0;
    for (const byte of header) {
      sum += byte;
    }
    header.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148);
    blocks.push(header);
    if (type === 'file') {
      blocks.push(content, Buffer.alloc((512 - (content.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\u0000`;
}

export interface ZipEntry {
  name: string;
  content?: string;
  /** Unix mode including the file type bits, e.g. 0o120777 for a symbolic link. */
  mode?: number;
}

/** Writes a zip file with python3's zipfile module, which keeps names exactly as given. */
export function writeZip(file: string, entries: ZipEntry[]): void {
  const script = [
    'import json, sys, zipfile',
    'entries = json.loads(sys.stdin.read())',
    "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as archive:",
    '    for entry in entries:',
    "        info = zipfile.ZipInfo(entry['name'], date_time=(2024, 1, 1, 0, 0, 0))",
    "        info.external_attr = entry['mode'] << 16",
    "        info.compress_type = zipfile.ZIP_DEFLATED",
    "        archive.writestr(info, entry['content'])"
  ].join('\n');
  const input = entries.map((entry) => ({ name: entry.name, content: entry.content ?? '', mode: entry.mode ?? 0o100644 }));
  execFileSync('python3', ['-c', script, file], { input: JSON.stringify(input) });
}

export function writeBuffer(file: string, data: Buffer): void {
  writeFileSync(file, data);
}
