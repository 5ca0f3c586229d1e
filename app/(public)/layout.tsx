import Link from "next/link";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/" className="site-header__brand">
            Undersigned
          </Link>
          <nav aria-label="Main">
            <Link href="/dashboard">For coordinators</Link>
          </nav>
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
