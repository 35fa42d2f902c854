/**
 * Forked by the benchmark: the raw limit of a hold on this machine — a bare node:http server that parses the JSON
 * body and holds the seat in one BEGIN IMMEDIATE transaction (a conditional UPDATE and a log INSERT, raw prepared
 * better-sqlite3 statements), answering 409 on conflict. No framework, no validation, no realtime: the baseline
 * Tessera's hold route is measured against; and `GET /health`, the trivial route Tessera's own is measured against.
 * Sends {port, labels} when listening.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const seats = Number(process.env.BENCH_SEATS ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-raw-'));
const db = new Database(join(dir, 'raw.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`create table seats (label text primary key, status text not null default 'free', hold_token text);
         create table log (id integer primary key, label text not null, status text not null, hold_token text, created_at integer not null);`);
const labels = Array.from({ length: seats }, (_, i) => `S-${i}`);
const insert = db.prepare('insert into seats (label) values (?)');
db.transaction(() => labels.forEach((l) => insert.run(l)))();

const take = db.prepare("update seats set status = 'reservedByToken', hold_token = ? where label = ? and status = 'free'");
const log = db.prepare("insert into log (label, status, hold_token, created_at) values (?, 'reservedByToken', ?, ?)");
class Conflict {}
const hold = db.transaction((objects: string[], token: string) => {
  for (const label of objects) {
    if (take.run(token, label).changes === 0) throw new Conflict();
    log.run(label, token, Date.now());
  }
});

const server = createServer((req, res) => {
  if (req.method === 'GET') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const { objects, holdToken } = JSON.parse(body) as { objects: string[]; holdToken: string };
    try {
      hold.immediate(objects, holdToken);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ objects: Object.fromEntries(objects.map((l) => [l, { status: 'reservedByToken' }])) }));
    } catch (cause) {
      if (!(cause instanceof Conflict)) throw cause;
      res.writeHead(409, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'ILLEGAL_STATUS_CHANGE' }] }));
    }
  });
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as { port: number }).port, labels }));
process.on('disconnect', () => {
  server.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
