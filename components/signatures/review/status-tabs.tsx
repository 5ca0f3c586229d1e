import Link from "next/link";
import type { SignatureStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "./labels";
import styles from "./review.module.css";

const ORDER: SignatureStatus[] = ["PENDING_REVIEW", "PUBLIC", "PENDING_EMAIL", "REJECTED", "WITHDRAWN"];

/** Links, not a tab widget: each filter is an address the coordinator can bookmark or share. */
export function StatusTabs({
  base,
  current,
  counts,
  q,
}: {
  base: string;
  current: SignatureStatus | "all";
  counts: Record<SignatureStatus, number>;
  q: string;
}) {
  const total = ORDER.reduce((sum, s) => sum + counts[s], 0);
  const href = (status: string) => `${base}?status=${status}${q ? `&q=${encodeURIComponent(q)}` : ""}`;
  const tabs: [SignatureStatus | "all", string, number][] = [
    ...ORDER.map((s): [SignatureStatus, string, number] => [s, STATUS_LABELS[s], counts[s]]),
    ["all", "All", total],
  ];
  return (
    <nav aria-label="Filter by status">
      <ul className={styles.tabs}>
        {tabs.map(([status, label, count]) => (
          <li key={status}>
            <Link href={href(status)} aria-current={current === status ? "page" : undefined}>
              {label} ({count})
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
