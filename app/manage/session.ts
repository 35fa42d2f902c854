import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { ORGANISER_SESSION_COOKIE, pageServices } from '../../contracts/page-services';

/** The signed-in organiser's session, or undefined. */
export async function organiserSession(): Promise<{ csrfToken: string } | undefined> {
  return pageServices().organiserSession((await cookies()).get(ORGANISER_SESSION_COOKIE)?.value);
}

/** Every organiser page starts here: without a session, the login page. */
export async function requireOrganiser(): Promise<{ csrfToken: string }> {
  const session = await organiserSession();
  if (!session) redirect('/manage/login');
  return session;
}
