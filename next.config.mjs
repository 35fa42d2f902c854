/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  // No image optimisation endpoint: Tessera has no images to resize, and it would load sharp (LGPL libvips).
  images: { unoptimized: true },
  // Says nothing about the stack to whoever asks.
  poweredByHeader: false,
};

export default nextConfig;
