import { Link, Text, View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import type { LetterBlock, LetterInline } from "@/lib/markdown/letter-markdown";
import { safeHref } from "@/lib/markdown/letter-markdown";
import type { HyphenationCallback } from "./hyphenation";
import { type Style, styles } from "./pdf-styles";

interface BodyContext {
  hyphenate: HyphenationCallback;
  rtl: boolean;
}

/** The appeal text: paragraphs and lists with hanging markers, bold, italic, clickable links. */
export function PdfBody({ blocks, ...context }: { blocks: LetterBlock[] } & BodyContext) {
  return <>{blocks.map((block, i) => renderBlock(block, i, context, false))}</>;
}

function renderBlock(block: LetterBlock, key: number, context: BodyContext, nested: boolean) {
  const { rtl, hyphenate } = context;
  const direction: Style = rtl ? { direction: "rtl" } : {};
  if (block.type === "paragraph") {
    // Justification spreads letters apart when a line runs short, and breaks the joins of Arabic
    // letters; right-to-left paragraphs are set ragged instead (no kashida justification here).
    const align: Style = rtl ? { textAlign: "right" } : {};
    return (
      <Text
        key={key}
        style={[nested ? styles.listParagraph : styles.paragraph, align, direction]}
        hyphenationCallback={hyphenate}
      >
        {renderInlines(block.children, direction)}
      </Text>
    );
  }
  return (
    <View key={key} style={styles.list}>
      {block.items.map((item, i) => (
        <View key={i} style={[styles.listItem, rtl ? { flexDirection: "row-reverse" } : {}]}>
          <Text style={[rtl ? styles.listMarkerRtl : styles.listMarker, direction]}>
            {block.ordered ? `${block.start + i}.` : "•"}
          </Text>
          <View style={styles.listBody}>{item.map((child, j) => renderBlock(child, j, context, true))}</View>
        </View>
      ))}
    </View>
  );
}

// react-pdf breaks lines only at spaces, or inside words with a printed hyphen: a long address
// would run past the margin (and stretch the line before it). It starts on a line of its own
// instead, cut into pieces that fit, the way addresses are printed.
const LONG_ADDRESS = 40;
const ADDRESS_LINE = 60;

function longAddress(children: LetterInline[]): string | null {
  const only = children.length === 1 ? children[0] : undefined;
  if (only?.type !== "text" || only.value.length <= LONG_ADDRESS || /\s/.test(only.value)) return null;
  return only.value;
}

function breakAddress(address: string): string {
  // After a slash, before a dot or hyphen: a line ending in "-" would read (and copy) as hyphenated.
  const pieces = address.split(/(?<=[/?&#=])|(?=[._-])/);
  const lines: string[] = [];
  for (const piece of pieces) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + piece.length <= ADDRESS_LINE) lines[last] += piece;
    else lines.push(piece);
  }
  return lines.join("\n");
}

function renderInlines(inlines: LetterInline[], direction: Style): (string | ReactElement)[] {
  return inlines.map((node, i) => {
    switch (node.type) {
      case "text":
        return node.value;
      case "break":
        return "\n";
      case "strong":
        return (
          <Text key={i} style={[{ fontWeight: 700 }, direction]}>
            {renderInlines(node.children, direction)}
          </Text>
        );
      case "emphasis":
        return (
          <Text key={i} style={[{ fontStyle: "italic" }, direction]}>
            {renderInlines(node.children, direction)}
          </Text>
        );
      case "link": {
        const href = safeHref(node.href);
        const long = longAddress(node.children);
        const children = long ? [i > 0 ? "\n" : "", breakAddress(long)] : renderInlines(node.children, direction);
        if (!href) return <Text key={i}>{children}</Text>;
        return (
          <Link key={i} src={href} style={[styles.link, direction]}>
            {children}
          </Link>
        );
      }
    }
  });
}
