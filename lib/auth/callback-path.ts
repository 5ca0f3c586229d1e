/** Only same-site paths may be used as a place to land after signing in. */
export function safeCallbackPath(value: string | undefined, fallback = "/dashboard"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  return value;
}
