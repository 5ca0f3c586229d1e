import { SiteHeader } from "@/components/site-header";
import { getSessionUser } from "@/lib/auth/session";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  return (
    <>
      <SiteHeader user={user} />
      <main id="main">{children}</main>
    </>
  );
}
