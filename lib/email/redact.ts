// Signers' addresses must never reach a log or an error message, including a mail server's
// rejection text that quotes the recipient.
const EMAIL = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[^\s<>"'(),;:@]+/g;

export function redactEmails(text: string): string {
  return text.replace(EMAIL, "[address]");
}
