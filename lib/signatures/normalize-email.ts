// One person, one signature per appeal: addresses that reach the same mailbox count as one.
// Case never matters; dots and +tags only where the provider ignores them.

const IGNORES_DOTS = new Set(["gmail.com", "googlemail.com"]);
const IGNORES_PLUS_TAGS = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
  "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "pm.me", "fastmail.com", "yandex.ru", "ya.ru",
]);

export function normalizeEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at < 1) return lower;
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1);
  if (domain === "googlemail.com") domain = "gmail.com";
  if (IGNORES_PLUS_TAGS.has(domain)) local = local.split("+")[0]!;
  if (IGNORES_DOTS.has(domain)) local = local.replace(/\./g, "");
  return `${local}@${domain}`;
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}
