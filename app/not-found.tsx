import Link from 'next/link';

/** Any address Tessera has no page for, an unknown event's included. */
export default function NotFound() {
  return (
    <main style={{ maxWidth: 640, margin: '4rem auto', padding: '0 1.5rem', lineHeight: 1.6 }}>
      <h1>Page not found</h1>
      <p>There is no page at this address. If you followed a link to an event, it may have been removed, or the link may be mistyped.</p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </main>
  );
}
