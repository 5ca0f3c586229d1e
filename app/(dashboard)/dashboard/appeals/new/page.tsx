import type { Metadata } from "next";
import Link from "next/link";
import { AppealForm } from "@/components/appeals/appeal-form";
import { createAppealAction } from "@/lib/actions/appeals";
import { appealFormDefaults, timeZoneList } from "@/lib/appeals/form-defaults";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New appeal" };

export default async function NewAppealPage() {
  await requireUser("/dashboard/appeals/new");
  return (
    <div className="stack">
      <Link href="/dashboard" className="back-link">← Your appeals</Link>
      <h1>New appeal</h1>
      <p className="muted">It stays a draft, visible only to its coordinators, until you publish it.</p>
      <AppealForm action={createAppealAction} defaults={appealFormDefaults()} timeZones={timeZoneList()} submitLabel="Create draft" />
    </div>
  );
}
