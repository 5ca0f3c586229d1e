// The `hyphen` package ships no types; this is the part of its API that hyphenation.ts uses.
declare module "hyphen/*" {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
