import type { Metadata } from 'next';
import { ApiReference } from '../../../components/api-reference/ApiReference';

export const metadata: Metadata = { title: 'API reference · Tessera' };

/** The API reference, drawn in the browser from the server's OpenAPI document (`/api/openapi.json`). */
export default function ApiReferencePage() {
  return <ApiReference documentUrl="/api/openapi.json" />;
}
