import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** Expected failures become a message for the form; NOT_FOUND becomes the 404 page; the rest is a bug. */
export function messageForError(err: unknown): string {
  if (isAppError(err, "NOT_FOUND")) notFound();
  if (isAppError(err)) return err.message;
  throw err;
}
