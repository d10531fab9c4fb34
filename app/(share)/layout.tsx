import type { Metadata } from "next";

// Public, read-only pages authorized by a share token (proxy.ts lets /share/ through; no session).
// Not indexed, and the token never leaves in a Referer header.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

export default function ShareLayout({ children }: { children: React.ReactNode }) {
  return <main>{children}</main>;
}
