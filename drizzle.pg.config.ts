import { defineConfig } from 'drizzle-kit';

/** PostgreSQL's migrations, generated from its schema (db/schema-pg.ts): `npm run db:generate` (both dialects). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg.ts',
  out: './db/migrations-pg',
});
