"use client";

import { useEffect, useState } from "react";

/**
 * Shows the sign-on form until the deadline. The page around it may come from a cache made
 * before the deadline passed; the server refuses late signatures either way.
 */
export function DeadlineGate({ deadline, children }: { deadline: string | null; children: React.ReactNode }) {
  const [passed, setPassed] = useState(false);
  useEffect(() => {
    if (!deadline) return;
    const ms = new Date(deadline).getTime() - Date.now();
    if (ms <= 0) return setPassed(true);
    const timer = setTimeout(() => setPassed(true), Math.min(ms, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [deadline]);
  if (passed) return <p className="form-message" role="status">The deadline has passed: this appeal no longer accepts signatures.</p>;
  return <>{children}</>;
}
