import next from 'next';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { providePageServices } from '../contracts/page-services';
import { createApplication } from './app';
import { readEnv } from './env';
import { cacheBuyerPages } from './page-cache';
import { securePages } from './page-headers';
import { startupBanner } from './startup-banner';
import { DEMO_EVENT_KEY, seedDemo } from './seed';

/** The one entry point: environment → database → services → Next + API + Socket.IO on one port. */
async function main(): Promise<void> {
  const env = readEnv();
  const dev = process.argv.includes('--dev');

  const nextApp = next({ dev, dir: join(dirname(fileURLToPath(import.meta.url)), '..') });
  await nextApp.prepare();
  const handleNext = nextApp.getRequestHandler();

  const app = await createApplication({
    databaseUrl: env.DATABASE_URL,
    durability: env.DURABILITY,
    ...(env.TESSERA_SECRET_KEY ? { secretKey: env.TESSERA_SECRET_KEY } : {}),
    ...(env.TESSERA_PUBLIC_KEY ? { publicKey: env.TESSERA_PUBLIC_KEY } : {}),
    holdRateLimit: { perMinute: env.HOLD_RATE_LIMIT_PER_MINUTE, burst: env.HOLD_RATE_LIMIT_BURST },
    allowedOrigins: env.ALLOWED_ORIGINS,
    webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE,
    placesPerClient: env.HOLD_PLACES_PER_CLIENT,
    trustProxy: env.TRUST_PROXY,
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    // Buyer pages are rendered once per event view (page-cache.ts); the development server renders every time.
    pages: securePages(dev ? handleNext : cacheBuyerPages(handleNext, async (address) => app.booking.publicEvent(address)), {
      frameAncestors: env.FRAME_ANCESTORS,
      dev,
    }),
  });
  const { booking, defaultWorkspace } = app;
  providePageServices({
    publicEvent: async (address) => booking.publicEvent(address),
    order: async (address, orderId, access) => booking.eventOrder(address, orderId, access),
    organiserSession: async (sessionId) => booking.organiserSession(sessionId),
    organiserHome: async () => ({
      ...(await booking.organiserOverview(defaultWorkspace.id)),
      workspace: { key: defaultWorkspace.key, secretKeyStart: (await booking.workspaceById(defaultWorkspace.id))!.secretKey.slice(0, 4) },
      webhooks: await booking.listWebhooks(defaultWorkspace.id),
    }),
    organiserEvent: async (eventKey) => booking.organiserEvent(defaultWorkspace.id, eventKey),
  });
  const seeded = await seedDemo(app.booking, app.defaultWorkspace.id);
  const organiser = await app.booking.ensureOrganiserPassword(env.ADMIN_PASSWORD);
  const admin = await app.booking.ensureAdminKey(env.TESSERA_ADMIN_KEY);

  const port = await app.listen(env.PORT, env.HOST);
  const banner = startupBanner({
    base: `http://localhost:${port}`,
    demoEventKey: DEMO_EVENT_KEY,
    seeded,
    workspace: app.defaultWorkspace,
    generatedSecret: app.createdDefaultWorkspace && !env.TESSERA_SECRET_KEY,
    ...(organiser.generated ? { generatedPassword: organiser.generated } : {}),
    ...(admin.generated ? { generatedAdminKey: admin.generated } : {}),
  });
  for (const line of banner) console.log(line);

  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down`);
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((cause) => {
  console.error(cause instanceof Error ? cause.message : cause);
  process.exit(1);
});
