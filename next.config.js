/** @type {import('next').NextConfig} */
const nextConfig = {
  // These load data files relative to their own module (PGlite its WASM, freemail its domain
  // lists): bundling them breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "sharp", "freemail"],
  // `npm test` type-checks the whole project (tests included) with tsc before it builds.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Next hashes every response body for an ETag; on a cached appeal page that hash was the
  // largest single cost (11% of CPU). Pages expire on change, so ETags buy little.
  generateEtags: false,
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
