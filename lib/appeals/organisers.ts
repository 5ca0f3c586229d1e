/** The lead organisations a coordinator typed, one per line (or separated by semicolons), each once. */
export function organiserNames(text: string): string[] {
  return [...new Set(text.split(/[\n;]/).map((s) => s.trim()).filter(Boolean))];
}
