import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { demoLetterContent } from "@/lib/letter/fixtures";
import { parseLetterMarkdown, type LetterBlock } from "@/lib/markdown/letter-markdown";
import { LetterBody } from "./letter-body";
import { LetterSheet } from "./letter-sheet";

const html = (markdown: string) => renderToStaticMarkup(<LetterBody blocks={parseLetterMarkdown(markdown)} />);

describe("LetterBody", () => {
  it("renders lists, bold, italic and links as semantic HTML", () => {
    const out = html(
      "We **urge** you to *act*:\n\n3. free them\n4. see [our report](https://example.org/r)\n\n- one\n- two",
    );
    expect(out).toBe(
      "<p>We <strong>urge</strong> you to <em>act</em>:</p>" +
        '<ol start="3"><li><p>free them</p></li><li><p>see <a href="https://example.org/r" rel="noopener nofollow">our report</a></p></li></ol>' +
        "<ul><li><p>one</p></li><li><p>two</p></li></ul>",
    );
  });

  it("omits the start attribute of a list that starts at 1 and keeps hard breaks", () => {
    expect(html("1. a\n2. b\n\nline  \nnext")).toBe(
      "<ol><li><p>a</p></li><li><p>b</p></li></ol><p>line<br/>next</p>",
    );
  });

  it("never renders scripts, javascript: links or raw HTML", () => {
    const out = html(
      '<script>alert(1)</script>\n\nHi <script>alert(2)</script><img src=x onerror="alert(3)"> ' +
        "[click](javascript:alert(4)) <a href=\"javascript:alert(5)\">x</a>\n\n<iframe src=\"https://evil.example\"></iframe>",
    );
    expect(out).toBe("<p>Hi click x</p>");
    expect(out).not.toMatch(/script|javascript|onerror|iframe|<img|alert/i);
  });

  it("re-checks links in blocks that did not come from the parser", () => {
    const blocks: LetterBlock[] = [
      {
        type: "paragraph",
        children: [{ type: "link", href: "javascript:alert(1)", children: [{ type: "text", value: "x" }] }],
      },
    ];
    expect(renderToStaticMarkup(<LetterBody blocks={blocks} />)).toBe("<p><span>x</span></p>");
  });

  it("escapes text that looks like HTML", () => {
    expect(html("Use `<b>` and 1 < 2 &amp; 3")).toBe("<p>Use &lt;b&gt; and 1 &lt; 2 &amp; 3</p>");
  });
});

describe("LetterSheet", () => {
  it("prints the letter's parts in order with its language and direction", () => {
    const out = renderToStaticMarkup(<LetterSheet content={demoLetterContent} />);
    expect(out).toMatch(/^<article [^>]*lang="en" dir="ltr"/);
    const order = [
      "H.E. Mr Arman KESTREL",
      "Brussels, Paris,",
      demoLetterContent.dateText,
      demoLetterContent.title,
      demoLetterContent.salutation,
      "<ol>",
      demoLetterContent.closing,
    ].map((part) => out.indexOf(part));
    expect(order.every((pos) => pos >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("marks right-to-left letters", () => {
    const out = renderToStaticMarkup(<LetterSheet content={{ ...demoLetterContent, language: "ar" }} />);
    expect(out).toMatch(/^<article [^>]*lang="ar" dir="rtl"/);
  });
});
