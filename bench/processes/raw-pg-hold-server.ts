/**
 * Forked by the benchmark: the raw limit of a hold on PostgreSQL on this machine — a bare node:http server that
 * parses the JSON body and holds the seat in one transaction (a conditional UPDATE and a log INSERT, named prepared
 * statements, through `pg`, the driver Tessera uses, and a pool of the same size), answering 409 on conflict. No
 * framework, no validation, no realtime, no per-event numbering: the baseline of Tessera's holds on PostgreSQL.
 * BENCH_DATABASE_URL names an empty database. Sends {port, labels} when listening.
 */
import { createServer } from 'node:http';
import pg from 'pg';

const seats = Number(process.env.BENCH_SEATS ?? 10_000);
const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 20 });
await pool.query(`create table seats (label text primary key, status text not null default 'free', hold_token text);
                  create table log (id serial primary key, label text not null, status text not null, hold_token text, created_at bigint not null)`);
await pool.query(`insert into seats (label) select 'S-' || g from generate_series(0, $1::int - 1) g`, [seats]);
const labels = Array.from({ length: seats }, (_, i) => `S-${i}`);

const take = "update seats set status = 'reservedByToken', hold_token = $1 where label = $2 and status = 'free'";
const log = "insert into log (label, status, hold_token, created_at) values ($1, 'reservedByToken', $2, $3)";

/** Holds every object or none: true when held. */
async function hold(objects: string[], token: string): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    for (const label of objects) {
      if ((await client.query({ name: 'take', text: take, values: [token, label] })).rowCount === 0) {
        await client.query('rollback');
        return false;
      }
      await client.query({ name: 'log', text: log, values: [label, token, Date.now()] });
    }
    await client.query('commit');
    return true;
  } finally {
    client.release();
  }
}

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const { objects, holdToken } = JSON.parse(body) as { objects: string[]; holdToken: string };
    void hold(objects, holdToken).then((held) =>
      held
        ? res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ objects: Object.fromEntries(objects.map((l) => [l, { status: 'reservedByToken' }])) }))
        : res.writeHead(409, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'ILLEGAL_STATUS_CHANGE' }] })),
    );
  });
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as { port: number }).port, labels }));
process.on('disconnect', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
