import Link from 'next/link';

export default function Home() {
  return (
    <main style={{ maxWidth: 640, margin: '4rem auto', padding: '0 1.5rem', lineHeight: 1.6 }}>
      <h1>Tessera</h1>
      <p>A self-hostable seat picker for ticketing, wire-compatible with the core of the seats.io API.</p>
      <ul>
        <li>
          <Link href="/events/demo-concert">Open the demo concert</Link> (buyer view)
        </li>
        <li>
          API base URL for the <code>seatsio</code> client: <code>/api</code>
        </li>
      </ul>
    </main>
  );
}
