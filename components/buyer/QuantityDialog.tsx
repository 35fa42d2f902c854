'use client';

import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../seating-chart/messages-context';
import styles from './buyer-app.module.css';

/** Asks how many places of a general-admission area to hold. */
export function QuantityDialog({
  name,
  max,
  price,
  onConfirm,
  onCancel,
}: {
  name: string;
  max: number;
  price?: string;
  onConfirm: (quantity: number) => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { t } = useMessages();
  const [quantity, setQuantity] = useState(Math.min(2, Math.max(1, max)));
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} className={styles.dialog} onClose={onCancel} aria-labelledby="quantity-title">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(quantity);
        }}
      >
        <h2 id="quantity-title">{name}</h2>
        {max < 1 ? (
          <p>{t('orderFull')}</p>
        ) : (
          <label>
            {t('howManyPlaces')}
            {price ? ` ${t('pricePerPlace', { price })}` : ''}
            <input
              type="number"
              min={1}
              max={max}
              value={quantity}
              onChange={(e) => setQuantity(Math.max(1, Math.min(max, Number(e.target.value) || 1)))}
              autoFocus
            />
          </label>
        )}
        <div className={styles.dialogActions}>
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" className={styles.primary} disabled={max < 1}>
            {quantity === 1 ? t('holdOnePlace') : t('holdPlaces', { count: quantity })}
          </button>
        </div>
      </form>
    </dialog>
  );
}
