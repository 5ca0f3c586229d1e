import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { SessionUser } from "@/lib/auth/session";

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          Undersigned
        </Link>
        <nav aria-label="Main">
          {user ? (
            <>
              <Link href="/dashboard">Dashboard</Link>
              <SignOutButton />
            </>
          ) : (
            <Link href="/sign-in">Coordinator sign-in</Link>
          )}
        </nav>
      </div>
    </header>
  );
}
