import "server-only";
import { env } from "@/lib/env";

/** An absolute address of this app, for emails and PDFs. */
export const absoluteUrl = (path: string) => new URL(path, env.APP_URL).toString();
