import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import styles from "@/components/appeals/members/members.module.css";
import { InviteForm } from "@/components/appeals/members/invite-form";
import { MemberList } from "@/components/appeals/members/member-list";
import { listMembers } from "@/lib/appeals/members/list-members";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Coordinators" };

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function MembersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/dashboard/appeals/${id}/members`);
  const { appeal, viewerRole, members } = await listMembers({ userId: user.id, appealId: id }).catch((err) => {
    if (isAppError(err, "NOT_FOUND")) notFound();
    throw err;
  });
  return (
    <div className={`stack ${styles.page}`}>
      <Link href={`/dashboard/appeals/${appeal.id}`} className="back-link">
        <span aria-hidden="true">← </span>
        {appeal.title}
      </Link>
      <h1>Coordinators</h1>
      <p className="muted">
        {viewerRole === "OWNER"
          ? "You own this appeal. Editors can edit, publish and close it and review signatures."
          : "You are an editor of this appeal. The owner invites and removes coordinators."}
      </p>
      <MemberList
        appealId={appeal.id}
        viewerId={user.id}
        viewerRole={viewerRole}
        members={members.map(({ joinedAt, ...m }) => ({ ...m, joined: day.format(joinedAt) }))}
      />
      {viewerRole === "OWNER" && <InviteForm appealId={appeal.id} />}
    </div>
  );
}
