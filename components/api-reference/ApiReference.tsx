'use client';

import { useEffect, useRef, useState } from 'react';
import 'swagger-ui-dist/swagger-ui.css';
import styles from './api-reference.module.css';

/**
 * Swagger UI, bundled by the build (no CDN), renders the OpenAPI document. It is loaded on demand: it is large,
 * and only this page needs it. It never calls out: the online validator badge is off.
 */
export function ApiReference({ documentUrl }: { documentUrl: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    import('swagger-ui-dist/swagger-ui-es-bundle.js')
      .then(({ default: SwaggerUI }) => {
        if (cancelled || !host.current) return;
        SwaggerUI({ domNode: host.current, url: documentUrl, validatorUrl: null, deepLinking: true, tryItOutEnabled: false, docExpansion: 'list' });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [documentUrl]);
  return (
    <main className={styles.page}>
      {failed ? (
        <p role="alert" className={styles.failed}>
          The reference could not be loaded. Check your connection and reload; the document itself is at <a href={documentUrl}>{documentUrl}</a>.
        </p>
      ) : (
        <div ref={host} className={styles.reference} />
      )}
    </main>
  );
}
