/** How the e2e suite runs Tessera: one secret key, one environment, one auth header for every spec and server. */

export const E2E_SECRET_KEY = 'e2e-secret-key-0000';
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password';
/** The company admin key: it creates workspaces besides the default one. */
export const E2E_COMPANY_ADMIN_KEY = 'e2e-company-admin-key-0000';

/** HTTP basic auth with the secret key, as the seats.io dialect expects it. */
export const authHeader = { authorization: `Basic ${Buffer.from(`${E2E_SECRET_KEY}:`).toString('base64')}` };

/** Where the embedding spec's shop serves its checkout page: the one origin besides Tessera's own the API allows. */
export const EMBEDDING_SHOP_PORT = 3101;

/** The server's environment on `port` with its database at `databaseFile`. */
export function serverEnv(port: number, databaseFile: string): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${databaseFile}`,
    TESSERA_SECRET_KEY: E2E_SECRET_KEY,
    ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
    TESSERA_ADMIN_KEY: E2E_COMPANY_ADMIN_KEY,
    NEXT_TELEMETRY_DISABLED: '1',
    // Every test buyer shares 127.0.0.1: a higher hold limit than a real client gets.
    HOLD_RATE_LIMIT_PER_MINUTE: '6000',
    HOLD_RATE_LIMIT_BURST: '200',
    // Webhook receivers in the specs listen on loopback.
    WEBHOOK_ALLOW_PRIVATE: 'true',
    ALLOWED_ORIGINS: `http://127.0.0.1:${EMBEDDING_SHOP_PORT}`,
  };
}
