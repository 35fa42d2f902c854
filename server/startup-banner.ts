/** What `npm start` prints: where everything is, and the secret key in full only the once it is generated. */
export function startupBanner(options: {
  base: string;
  demoEventKey: string;
  seeded: boolean;
  workspace: { key: string; secretKey: string };
  /** The secret key was generated just now (first start, no TESSERA_SECRET_KEY). */
  generatedSecret: boolean;
  /** The organisers' password, when it was generated just now (first start, no ADMIN_PASSWORD). */
  generatedPassword?: string;
  /** The company admin key, when it was generated just now (first start, no TESSERA_ADMIN_KEY). */
  generatedAdminKey?: string;
}): string[] {
  const { base, workspace } = options;
  return [
    `Tessera is running at ${base}`,
    `  Buyer chart:    ${base}/events/${options.demoEventKey}${options.seeded ? '  (demo venue seeded)' : ''}`,
    `  API (seats.io): ${base}/api`,
    `  API reference:  ${base}/docs/api`,
    `  Organisers:     ${base}/manage`,
    ...(options.generatedPassword
      ? [`  Organiser password: ${options.generatedPassword}  (shown this once; set ADMIN_PASSWORD to choose another, which also resets it)`]
      : []),
    ...(options.generatedAdminKey
      ? [`  Company admin key: ${options.generatedAdminKey}  (shown this once; it manages every workspace; set TESSERA_ADMIN_KEY to choose another)`]
      : []),
    `  Workspace public key: ${workspace.key}`,
    options.generatedSecret
      ? `  Workspace secret key: ${workspace.secretKey}  (shown this once; keep it safe)`
      : `  Workspace secret key: ${workspace.secretKey.slice(0, 4)}… (set TESSERA_SECRET_KEY to choose it, or to rotate it)`,
  ];
}
