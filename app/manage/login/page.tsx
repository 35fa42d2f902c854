import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '../../../components/manage/LoginForm';
import styles from '../../../components/manage/manage.module.css';
import { organiserSession } from '../session';

export const metadata: Metadata = { title: 'Log in · Tessera box office' };

export default async function LoginPage() {
  if (await organiserSession()) redirect('/manage');
  return (
    <main className={styles.login}>
      <h1>Box office</h1>
      <p>Log in with the organisers’ password to watch and manage the on-sale.</p>
      <LoginForm />
    </main>
  );
}
