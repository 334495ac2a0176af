import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** The media types of what Vite writes into the console's `dist/`. */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** `..` or `.` segments, raw or percent-encoded, a NUL or a backslash: never looked up on disk. */
const UNSAFE_PATH = /(^|\/)\.{1,2}(\/|$)|\0|\\/;

export interface ConsoleFile {
  path: string;
  size: number;
  mediaType: string;
  /** Whether the name carries a content hash (Vite's `assets/`): then it may be cached for good. */
  immutable: boolean;
}

/**
 * The built console on disk: a request path names a file under `dir`, or nothing. Paths that would leave the folder
 * name nothing, whatever their encoding.
 */
export class ConsoleFiles {
  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  get index(): ConsoleFile | undefined {
    return this.file('/index.html');
  }

  /** The file a decoded URL path names (`/assets/index-3f2a.js`), if it exists and is a regular file. */
  file(urlPath: string): ConsoleFile | undefined {
    if (UNSAFE_PATH.test(urlPath)) return undefined;
    const path = resolve(join(this.root, urlPath));
    if (!path.startsWith(this.root + sep)) return undefined;
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile()) return undefined;
    const extension = extname(path).toLowerCase();
    return {
      path,
      size: stat.size,
      mediaType: MEDIA_TYPES[extension] ?? 'application/octet-stream',
      immutable: urlPath.startsWith('/assets/'),
    };
  }

  /** Streams the file (headers only for HEAD). */
  send(request: IncomingMessage, response: ServerResponse, file: ConsoleFile, headers: Record<string, string>): void {
    response.writeHead(200, { ...headers, 'content-type': file.mediaType, 'content-length': String(file.size) });
    if (request.method === 'HEAD') return void response.end();
    createReadStream(file.path)
      .on('error', () => response.destroy())
      .pipe(response);
  }
}
