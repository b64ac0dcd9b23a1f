/**
 * The baseline server: PouchDB's own server stack (express-pouchdb over PouchDB with the
 * in-memory adapter — the stack HospitalRun and CHT replicate against, CouchDB's protocol), in
 * its own process like the ClinicDesk server. It also serves the benchmark page under
 * `/__bench/`, so PouchDB in the browser replicates from its own origin. Run by run.ts:
 *   node tests/bench/pouch-server.ts <page directory>
 * Prints `PouchDB server listening on <port>` once ready.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';

type Plugin = unknown;
type PouchConstructor = {
  plugin(plugin: Plugin): PouchConstructor;
  defaults(options: { adapter: string }): PouchConstructor;
};
type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const require = createRequire(import.meta.url);
const PouchDB = (require('pouchdb-core') as PouchConstructor)
  .plugin(require('pouchdb-adapter-memory') as Plugin)
  .plugin(require('pouchdb-adapter-http') as Plugin)
  .plugin(require('pouchdb-replication') as Plugin)
  .plugin(require('pouchdb-mapreduce') as Plugin)
  .defaults({ adapter: 'memory' });
const expressPouchDB = require('express-pouchdb') as (
  pouch: PouchConstructor,
  options: { inMemoryConfig: boolean; mode: string },
) => Handler;

const pageDir = process.argv[2];
if (!pageDir) throw new Error('usage: pouch-server.ts <benchmark page directory>');
const couch = expressPouchDB(PouchDB, { inMemoryConfig: true, mode: 'minimumForPouchDB' });
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
};

async function servePage(path: string, response: ServerResponse): Promise<void> {
  const file = normalize(join(pageDir!, path === '' ? 'index.html' : path));
  if (!file.startsWith(normalize(pageDir!))) {
    response.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
}

const server = createServer((request, response) => {
  const url = request.url ?? '/';
  if (url.startsWith('/__bench/')) {
    void servePage(decodeURIComponent(url.slice('/__bench/'.length).split('?')[0] ?? ''), response);
    return;
  }
  couch(request, response);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  console.log(`PouchDB server listening on ${address.port}`);
});
