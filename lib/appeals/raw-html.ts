import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";

/**
 * Whether a letter body holds raw HTML, as the letter's own Markdown parser sees it
 * (`fromMarkdown` with no extensions, as in lib/markdown/letter-markdown.ts). The letter drops
 * html nodes when it prints, but the stored body is what signers' hashes cover, so HTML would be
 * signed text that nobody can read. Tags inside code spans and blocks are code, not HTML, and
 * `<https://…>` autolinks are links: neither counts.
 */
export function containsRawHtml(markdown: string): boolean {
  if (!markdown.includes("<")) return false;
  const visit = (node: Nodes): boolean =>
    node.type === "html" || ("children" in node && node.children.some((child) => visit(child)));
  return visit(fromMarkdown(markdown));
}
