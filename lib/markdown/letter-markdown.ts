import type { Nodes, PhrasingContent, Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";

// Our own small tree instead of mdast: the web page and the PDF each render exactly these five
// inline and two block kinds, so nothing the coordinator types can reach either renderer unchecked.
export type LetterInline =
  | { type: "text"; value: string }
  | { type: "strong"; children: LetterInline[] }
  | { type: "emphasis"; children: LetterInline[] }
  | { type: "link"; href: string; children: LetterInline[] }
  | { type: "break" };

export type LetterBlock =
  | { type: "paragraph"; children: LetterInline[] }
  | { type: "list"; ordered: boolean; start: number; items: LetterBlock[][] };

type Definitions = Map<string, string>;

export function parseLetterMarkdown(src: string): LetterBlock[] {
  const root = fromMarkdown(src);
  return convertBlocks(root.children, collectDefinitions(root));
}

/**
 * Whether a letter body holds raw HTML, as this parser sees it. The letter drops html nodes when
 * it prints, but the stored body is what signers' hashes cover, so HTML would be signed text that
 * nobody can read. Tags inside code spans and blocks are code, not HTML, and `<https://…>`
 * autolinks are links: neither counts.
 */
export function containsRawHtml(markdown: string): boolean {
  if (!markdown.includes("<")) return false;
  const visit = (node: Nodes): boolean =>
    node.type === "html" || ("children" in node && node.children.some((child) => visit(child)));
  return visit(fromMarkdown(markdown));
}

const RTL_LANGUAGES = new Set(["ar", "fa", "he", "iw", "ur", "ps", "yi", "ckb", "dv", "sd", "ug"]);

export function letterDirection(language: string): "ltr" | "rtl" {
  const [primary = "", ...subtags] = language.trim().toLowerCase().split(/[-_]/);
  // A script subtag wins over the language's usual script ("az-Arab", "ku-Arab", "ur-Latn").
  if (subtags.includes("arab") || subtags.includes("hebr")) return "rtl";
  if (subtags.includes("latn") || subtags.includes("cyrl")) return "ltr";
  return RTL_LANGUAGES.has(primary) ? "rtl" : "ltr";
}

export function plainText(blocks: LetterBlock[]): string {
  return blocks.map((block) => plainBlock(block, "")).join("\n\n");
}

function plainBlock(block: LetterBlock, indent: string): string {
  if (block.type === "paragraph") return indent + plainInlines(block.children).replace(/\n/g, `\n${indent}`);
  return block.items
    .map((item, i) => {
      const marker = block.ordered ? `${block.start + i}. ` : "• ";
      const inner = item.map((b) => plainBlock(b, `${indent}   `)).join("\n");
      return indent + marker + inner.slice(indent.length + 3);
    })
    .join("\n");
}

function plainInlines(inlines: LetterInline[]): string {
  return inlines
    .map((node) => {
      if (node.type === "text") return node.value;
      if (node.type === "break") return "\n";
      return plainInlines(node.children);
    })
    .join("");
}

function collectDefinitions(root: Root): Definitions {
  const definitions: Definitions = new Map();
  const visit = (node: Nodes) => {
    if (node.type === "definition" && !definitions.has(node.identifier)) {
      definitions.set(node.identifier, node.url);
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(root);
  return definitions;
}

function convertBlocks(nodes: RootContent[], defs: Definitions): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "paragraph":
        pushParagraph(blocks, convertInlines(node.children, defs));
        break;
      case "heading":
        pushParagraph(blocks, [{ type: "strong", children: convertInlines(node.children, defs) }]);
        break;
      case "blockquote":
        blocks.push(...convertBlocks(node.children, defs));
        break;
      case "code":
        pushParagraph(blocks, linesToInlines(node.value));
        break;
      case "list": {
        const items = node.children
          .map((item) => convertBlocks(item.children, defs))
          .filter((item) => item.length > 0);
        if (items.length > 0) {
          blocks.push({ type: "list", ordered: node.ordered === true, start: node.start ?? 1, items });
        }
        break;
      }
      // html, definition, thematicBreak and anything from extensions: dropped on purpose.
      default:
        break;
    }
  }
  return blocks;
}

function pushParagraph(blocks: LetterBlock[], children: LetterInline[]) {
  const trimmed = trimInlines(children);
  if (trimmed.length > 0) blocks.push({ type: "paragraph", children: trimmed });
}

function linesToInlines(value: string): LetterInline[] {
  const inlines: LetterInline[] = [];
  value.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) inlines.push({ type: "break" });
    inlines.push({ type: "text", value: line });
  });
  return normalizeInlines(inlines);
}

// Inline HTML arrives as separate open/close tag nodes around ordinary text; the text between
// <script>…</script> (and similar) is code, not prose, so it goes too.
const HIDDEN_ELEMENT = /^<(script|style|textarea|title|iframe|noscript|template)\b/i;

function convertInlines(nodes: PhrasingContent[], defs: Definitions): LetterInline[] {
  const out: LetterInline[] = [];
  let hiddenUntil: RegExp | null = null;
  for (const node of nodes) {
    if (hiddenUntil) {
      if (node.type === "html" && hiddenUntil.test(node.value)) hiddenUntil = null;
      continue;
    }
    switch (node.type) {
      case "text":
        out.push(...autolink(node.value));
        break;
      case "inlineCode":
        out.push({ type: "text", value: node.value });
        break;
      case "break":
        out.push({ type: "break" });
        break;
      case "strong":
      case "emphasis":
        out.push({ type: node.type, children: convertInlines(node.children, defs) });
        break;
      case "link":
        out.push(...linkOrText(node.url, convertInlines(node.children, defs)));
        break;
      case "linkReference":
        out.push(...linkOrText(defs.get(node.identifier) ?? "", convertInlines(node.children, defs)));
        break;
      case "image":
        if (node.alt) out.push({ type: "text", value: node.alt });
        break;
      case "imageReference":
        if (node.alt) out.push({ type: "text", value: node.alt });
        break;
      case "html": {
        const hidden = HIDDEN_ELEMENT.exec(node.value);
        if (hidden && !new RegExp(`</${hidden[1]}\\s*>`, "i").test(node.value)) {
          hiddenUntil = new RegExp(`^</${hidden[1]}\\s*>`, "i");
        }
        break;
      }
      default:
        break;
    }
  }
  return normalizeInlines(out);
}

export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol === "http:" || parsed.protocol === "https:" || parsed.protocol === "mailto:") {
      return parsed.href;
    }
  } catch {
    // Relative or malformed: not a link we can print or follow.
  }
  return null;
}

function linkOrText(url: string, children: LetterInline[]): LetterInline[] {
  const href = safeHref(url);
  if (!href) return children;
  const label = children.length > 0 ? children : [{ type: "text" as const, value: url.trim() }];
  return [{ type: "link", href, children: stripLinks(label) }];
}

function stripLinks(inlines: LetterInline[]): LetterInline[] {
  return inlines.flatMap((node): LetterInline[] => {
    if (node.type === "link") return stripLinks(node.children);
    if (node.type === "strong" || node.type === "emphasis") {
      return [{ type: node.type, children: stripLinks(node.children) }];
    }
    return [node];
  });
}

// CommonMark without GFM leaves bare addresses as text; letters cite reports by bare URL often.
const BARE_URL = /\bhttps?:\/\/[^\s<>"]+/gi;

function autolink(value: string): LetterInline[] {
  const out: LetterInline[] = [];
  let last = 0;
  for (const match of value.matchAll(BARE_URL)) {
    const url = trimUrlPunctuation(match[0]);
    const href = safeHref(url);
    if (!href) continue;
    out.push({ type: "text", value: value.slice(last, match.index) });
    out.push({ type: "link", href, children: [{ type: "text", value: url }] });
    last = match.index + url.length;
  }
  out.push({ type: "text", value: value.slice(last) });
  return out;
}

function trimUrlPunctuation(url: string): string {
  let end = url.length;
  while (end > 0) {
    const ch = url[end - 1]!;
    if (".,;:!?'\"".includes(ch)) end -= 1;
    else if (ch === ")" && count(url.slice(0, end), "(") < count(url.slice(0, end), ")")) end -= 1;
    else break;
  }
  return url.slice(0, end);
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

// Soft line breaks become spaces (a newline would force a break in the PDF); runs of white space
// collapse as they would in HTML; empty nodes and adjacent texts merge.
function normalizeInlines(inlines: LetterInline[]): LetterInline[] {
  const out: LetterInline[] = [];
  for (const node of inlines) {
    if (node.type === "text") {
      const value = node.value.replace(/[ \t\r\n]+/g, " ");
      if (value === "") continue;
      const prev = out[out.length - 1];
      if (prev?.type === "text") prev.value = (prev.value + value).replace(/ {2,}/g, " ");
      else out.push({ type: "text", value });
    } else if (node.type === "break") {
      out.push(node);
    } else {
      const children = normalizeInlines(node.children);
      if (children.length > 0) out.push({ ...node, children });
    }
  }
  return out;
}

function trimInlines(inlines: LetterInline[]): LetterInline[] {
  const out = [...inlines];
  while (out[0]?.type === "break") out.shift();
  while (out[out.length - 1]?.type === "break") out.pop();
  const first = out[0];
  if (first?.type === "text") out[0] = { ...first, value: first.value.trimStart() };
  const last = out[out.length - 1];
  if (last?.type === "text") out[out.length - 1] = { ...last, value: last.value.trimEnd() };
  return out.filter((node) => node.type !== "text" || node.value !== "");
}
