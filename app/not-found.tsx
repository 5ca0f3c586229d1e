import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="narrow stack">
      <h1>Page not found</h1>
      <p>This page does not exist.</p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </main>
  );
}
