import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = { title: 'Tessera', description: 'Self-hostable seat picker for ticketing' };
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/** Every page renders per request: its scripts carry that response's CSP nonce (server/page-headers.ts). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
