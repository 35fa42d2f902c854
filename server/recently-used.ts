/** A map that keeps only the `capacity` entries read or written most recently; the least recently used goes first. */
export class RecentlyUsed<K, V> {
  // A Map iterates in insertion order: an entry used is moved to the end, so the first is the least recently used.
  private entries = new Map<K, V>();

  constructor(private capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
