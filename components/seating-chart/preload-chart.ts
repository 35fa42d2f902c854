import { preload } from 'react-dom';

/**
 * Starts fetching a venue's chart document as the page's HTML arrives, while its scripts still load (a
 * `<link rel="preload">` in the head); the page's own fetch then finds it under way or done. For server components.
 */
export function preloadChart(url: string): void {
  preload(url, { as: 'fetch', crossOrigin: 'anonymous' });
}
