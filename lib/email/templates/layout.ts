// Plain, accessible HTML mail: one column, real text, the link also written out in full.
const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function emailHtml({ heading, paragraphs, action }: { heading: string; paragraphs: string[]; action?: { label: string; url: string } }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escape(p)}</p>`).join("");
  const button = action
    ? `<p style="margin:24px 0"><a href="${escape(action.url)}" style="background:#1f3a5f;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escape(action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#444">If the button does not work, copy this address into your browser:<br>${escape(action.url)}</p>`
    : "";
  return `<!doctype html><html><body style="font-family:Georgia,serif;color:#1a1a1a;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escape(heading)}</h1>${body}${button}
<p style="margin:32px 0 0;font-size:12px;color:#555">Undersigned</p></body></html>`;
}
