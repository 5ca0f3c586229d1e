import type { ReactNode } from "react";
import { type LetterBlock, type LetterInline, safeHref } from "@/lib/markdown/letter-markdown";

// Blocks may come back from storage rather than straight from the parser, so links are checked
// again here: the page must never carry a javascript: href, whatever the JSON says.
export function LetterBody({ blocks }: { blocks: LetterBlock[] }) {
  return <>{blocks.map((block, i) => renderBlock(block, i))}</>;
}

function renderBlock(block: LetterBlock, key: number): ReactNode {
  if (block.type === "paragraph") return <p key={key}>{renderInlines(block.children)}</p>;
  const items = block.items.map((item, i) => <li key={i}>{item.map(renderBlock)}</li>);
  if (!block.ordered) return <ul key={key}>{items}</ul>;
  return (
    <ol key={key} start={block.start === 1 ? undefined : block.start}>
      {items}
    </ol>
  );
}

function renderInlines(inlines: LetterInline[]): ReactNode[] {
  return inlines.map((node, i) => {
    switch (node.type) {
      case "text":
        return node.value;
      case "break":
        return <br key={i} />;
      case "strong":
        return <strong key={i}>{renderInlines(node.children)}</strong>;
      case "emphasis":
        return <em key={i}>{renderInlines(node.children)}</em>;
      case "link": {
        const href = safeHref(node.href);
        if (!href) return <span key={i}>{renderInlines(node.children)}</span>;
        return (
          <a key={i} href={href} rel="noopener nofollow">
            {renderInlines(node.children)}
          </a>
        );
      }
    }
  });
}
