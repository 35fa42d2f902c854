'use client';

import { useRouter } from 'next/navigation';
import styles from './manage.module.css';
import { manageApi } from './manage-api-client';

export function LogoutButton({ csrfToken }: { csrfToken: string }) {
  const router = useRouter();
  return (
    <button
      type="button"
      className={styles.quiet}
      onClick={async () => {
        await manageApi('/logout', {}, csrfToken);
        router.replace('/manage/login');
      }}
    >
      Log out
    </button>
  );
}
