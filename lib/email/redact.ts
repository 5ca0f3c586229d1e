// Signers' addresses must never reach a log or an error message, including a mail server's
// rejection text that quotes the recipient, and a link that carries one URL-encoded
// (a sign-in link's `email=ana%40example.org`).
const EMAIL = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[^\s<>"'(),;:@]+/g;
// `%40` is "@" URL-encoded; `%2540` is the same encoded twice. Stops at the URL's own separators
// so that `?email=ana%40example.org&token=…` keeps its parameter name.
const ENCODED_EMAIL = /[^\s<>"'(),;:@&=?/#]+%(?:25)?40[^\s<>"'(),;:@&=?/#]+\.[^\s<>"'(),;:@&=?/#]+/gi;

export function redactEmails(text: string): string {
  return text.replace(ENCODED_EMAIL, "[address]").replace(EMAIL, "[address]");
}
