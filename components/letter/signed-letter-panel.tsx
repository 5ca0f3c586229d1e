"use client";

import { useEffect, useRef, useState } from "react";

type State =
  | { status: "idle" }
  | { status: "working"; task: "show" | "download" }
  | { status: "error"; message: string }
  | { status: "done"; message: string };

const PREPARING = "Preparing the letter… this can take a few seconds for long letters.";

function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get("content-disposition") ?? "";
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

async function fetchLetter(url: string): Promise<{ blob: Blob; filename: string }> {
  const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  if (!response.ok) {
    const text = response.headers.get("content-type")?.startsWith("text/plain") ? (await response.text()).trim() : "";
    throw new Error(
      text && response.status !== 404 ? text : response.status === 404 ? "The letter was not found: reload the page." : "The letter could not be prepared. Try again in a moment.",
    );
  }
  return { blob: await response.blob(), filename: filenameOf(response, "letter.pdf") };
}

/**
 * The coordinator's view of the signed letter: shows the PDF in the page and saves it, each after
 * fetching it, because the server may take seconds to lay out a long letter. The PDF goes through a
 * blob URL: the app forbids framing its own pages, and a fetch lets the button report progress.
 */
export function SignedLetterPanel({ pdfUrl, title }: { pdfUrl: string; title: string }) {
  const [state, setState] = useState<State>({ status: "idle" });
  const [viewerUrl, setViewerUrl] = useState<string | null>(null);
  const viewerRef = useRef<string | null>(null);
  const working = state.status === "working";

  useEffect(() => () => {
    if (viewerRef.current) URL.revokeObjectURL(viewerRef.current);
  }, []);

  async function run(task: "show" | "download") {
    setState({ status: "working", task });
    try {
      const { blob, filename } = await fetchLetter(pdfUrl);
      const url = URL.createObjectURL(blob);
      if (task === "show") {
        if (viewerRef.current) URL.revokeObjectURL(viewerRef.current);
        viewerRef.current = url;
        setViewerUrl(url);
        setState({ status: "done", message: "The letter is shown below." });
      } else {
        const link = document.createElement("a");
        link.href = url;
        link.download = filename;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        setState({ status: "done", message: `Saved as ${filename}.` });
      }
    } catch (err) {
      setState({ status: "error", message: err instanceof Error ? err.message : "The letter could not be prepared." });
    }
  }

  return (
    <div className="stack">
      <div className="actions">
        <button type="button" className="btn" onClick={() => run("download")} disabled={working} aria-disabled={working}>
          {working && state.task === "download" ? "Preparing…" : "Download PDF"}
        </button>
        <button type="button" className="btn btn--secondary" onClick={() => run("show")} disabled={working} aria-disabled={working}>
          {working && state.task === "show" ? "Preparing…" : viewerUrl ? "Refresh the preview" : "Show the letter here"}
        </button>
      </div>
      <div aria-live="polite" role="status">
        {working && <p className="muted">{PREPARING}</p>}
        {state.status === "error" && <p className="form-message form-message--error">{state.message}</p>}
        {state.status === "done" && <p className="visually-hidden">{state.message}</p>}
      </div>
      {viewerUrl && <iframe className="letter-viewer" src={viewerUrl} title={`The signed letter: ${title} (PDF)`} />}
    </div>
  );
}
