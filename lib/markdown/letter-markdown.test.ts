import { describe, expect, it } from "vitest";
import { letterDirection, parseLetterMarkdown, plainText, safeHref } from "./letter-markdown";

const text = (value: string) => ({ type: "text", value });

describe("parseLetterMarkdown", () => {
  it("turns paragraphs and inline marks into our tree, soft breaks into spaces", () => {
    expect(parseLetterMarkdown("We **urge** you\nto act *now*.\n\nSecond  line  \nafter break")).toEqual([
      {
        type: "paragraph",
        children: [
          text("We "),
          { type: "strong", children: [text("urge")] },
          text(" you to act "),
          { type: "emphasis", children: [text("now")] },
          text("."),
        ],
      },
      { type: "paragraph", children: [text("Second line"), { type: "break" }, text("after break")] },
    ]);
  });

  it("keeps ordered lists with their start number and nested lists", () => {
    const blocks = parseLetterMarkdown("3. release\n4. drop charges\n   - all of them\n\n- a\n- b");
    expect(blocks).toEqual([
      {
        type: "list",
        ordered: true,
        start: 3,
        items: [
          [{ type: "paragraph", children: [text("release")] }],
          [
            { type: "paragraph", children: [text("drop charges")] },
            {
              type: "list",
              ordered: false,
              start: 1,
              items: [[{ type: "paragraph", children: [text("all of them")] }]],
            },
          ],
        ],
      },
      {
        type: "list",
        ordered: false,
        start: 1,
        items: [
          [{ type: "paragraph", children: [text("a")] }],
          [{ type: "paragraph", children: [text("b")] }],
        ],
      },
    ]);
  });

  it("makes headings bold paragraphs, unwraps quotes, prints code and image alt text as text", () => {
    const blocks = parseLetterMarkdown("## Our demands\n\n> quoted\n\n```\na\nb\n```\n\n![the logo](x.png) and `x`");
    expect(blocks).toEqual([
      { type: "paragraph", children: [{ type: "strong", children: [text("Our demands")] }] },
      { type: "paragraph", children: [text("quoted")] },
      { type: "paragraph", children: [text("a"), { type: "break" }, text("b")] },
      { type: "paragraph", children: [text("the logo and x")] },
    ]);
  });

  it("drops raw HTML, including the text of inline scripts", () => {
    const blocks = parseLetterMarkdown(
      "<script>\nalert(1)\n</script>\n\nHello <b>there</b> <script>alert(2)</script>friend<img src=x onerror=alert(3)>\n\n<div>\nhidden\n</div>",
    );
    expect(blocks).toEqual([{ type: "paragraph", children: [text("Hello there friend")] }]);
  });

  it("keeps only http, https and mailto links", () => {
    const blocks = parseLetterMarkdown(
      "[ok](https://example.org/a?b=1) [mail](mailto:info@example.org) [js](javascript:alert(1)) " +
        "[ent](java&#x73;cript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [rel](/admin) <https://auto.example>",
    );
    expect(blocks).toEqual([
      {
        type: "paragraph",
        children: [
          { type: "link", href: "https://example.org/a?b=1", children: [text("ok")] },
          text(" "),
          { type: "link", href: "mailto:info@example.org", children: [text("mail")] },
          text(" js ent data rel "),
          { type: "link", href: "https://auto.example/", children: [text("https://auto.example")] },
        ],
      },
    ]);
  });

  it("resolves reference links and links bare URLs without their trailing punctuation", () => {
    const blocks = parseLetterMarkdown(
      "See [the report][r] and https://example.org/report_(2024). Also (https://example.org/x).\n\n[r]: https://example.org/r",
    );
    expect(blocks).toEqual([
      {
        type: "paragraph",
        children: [
          text("See "),
          { type: "link", href: "https://example.org/r", children: [text("the report")] },
          text(" and "),
          {
            type: "link",
            href: "https://example.org/report_(2024)",
            children: [text("https://example.org/report_(2024)")],
          },
          text(". Also ("),
          { type: "link", href: "https://example.org/x", children: [text("https://example.org/x")] },
          text(")."),
        ],
      },
    ]);
  });

  it("returns nothing for empty or HTML-only input", () => {
    expect(parseLetterMarkdown("")).toEqual([]);
    expect(parseLetterMarkdown("<!-- note -->\n\n<p>x</p>\n\n---")).toEqual([]);
  });
});

describe("plainText", () => {
  it("prints paragraphs and numbered lists as a reader would type them", () => {
    const blocks = parseLetterMarkdown("Dear **all**,\n\n2. one\n3. two\n   - sub\n\nBye  \nnow");
    expect(plainText(blocks)).toBe("Dear all,\n\n2. one\n3. two\n   • sub\n\nBye\nnow");
  });
});

describe("safeHref", () => {
  it("normalises allowed URLs and refuses the rest", () => {
    expect(safeHref(" https://Example.org ")).toBe("https://example.org/");
    expect(safeHref("JAVASCRIPT:alert(1)")).toBeNull();
    expect(safeHref("vbscript:x")).toBeNull();
    expect(safeHref("example.org")).toBeNull();
  });
});

describe("letterDirection", () => {
  it.each([
    ["ar", "rtl"],
    ["ar-EG", "rtl"],
    ["fa-IR", "rtl"],
    ["he", "rtl"],
    ["ur_PK", "rtl"],
    ["az", "ltr"],
    ["az-Arab", "rtl"],
    ["ku-Arab", "rtl"],
    ["ur-Latn", "ltr"],
    ["en-GB", "ltr"],
    ["", "ltr"],
  ])("%s is %s", (language, direction) => {
    expect(letterDirection(language)).toBe(direction);
  });
});
