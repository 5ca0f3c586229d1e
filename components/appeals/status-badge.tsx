const labels = { DRAFT: "Draft", OPEN: "Open for signatures", CLOSED: "Closed" } as const;

export function StatusBadge({ status }: { status: keyof typeof labels }) {
  return <span className={`badge badge--${status}`}>{labels[status]}</span>;
}
