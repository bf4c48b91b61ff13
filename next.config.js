/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM by file path; bundling it breaks that (stack notes).
  serverExternalPackages: ["@electric-sql/pglite", "pg", "ioredis"],
  poweredByHeader: false,
};

export default nextConfig;
