declare module "tldjs" {
  /** The registrable domain of a host by the public suffix list, null for a bare suffix. */
  export function getDomain(host: string): string | null;
}
