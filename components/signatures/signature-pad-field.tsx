"use client";

import { useEffect, useRef, useState } from "react";
import SignaturePad from "signature_pad";

const INK = { black: "#111111", blue: "#1b3f9c" } as const;
type Ink = keyof typeof INK;

/**
 * A drawn signature (mouse, touch or stylus) kept as a PNG data URL in a hidden input, so the
 * form submits it like any other field. Keyboard users can sign with their typed name instead.
 */
export function SignaturePadField({
  required,
  error,
  defaultInk = "black",
  nameForTyped,
}: {
  required: boolean;
  error?: string[];
  defaultInk?: Ink;
  nameForTyped: () => string;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [dataUrl, setDataUrl] = useState("");
  const [ink, setInk] = useState<Ink>(defaultInk);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const pad = new SignaturePad(canvas, { penColor: INK[defaultInk], minWidth: 1, maxWidth: 3 });
    padRef.current = pad;
    const save = () => setDataUrl(pad.isEmpty() ? "" : pad.toDataURL("image/png"));
    pad.addEventListener("endStroke", save);
    return () => {
      pad.removeEventListener("endStroke", save);
      pad.off();
    };
  }, [defaultInk]);

  const changeInk = (next: Ink) => {
    setInk(next);
    const pad = padRef.current!;
    pad.penColor = INK[next];
    const strokes = pad.toData().map((s) => ({ ...s, penColor: INK[next] }));
    pad.fromData(strokes);
    if (!pad.isEmpty()) setDataUrl(pad.toDataURL("image/png"));
  };
  const undo = () => {
    const pad = padRef.current!;
    pad.fromData(pad.toData().slice(0, -1));
    setDataUrl(pad.isEmpty() ? "" : pad.toDataURL("image/png"));
  };
  const clear = () => {
    padRef.current!.clear();
    setDataUrl("");
  };
  const typed = () => {
    const name = nameForTyped().trim();
    const canvas = canvasRef.current!;
    if (!name) return;
    clear();
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = INK[ink];
    ctx.font = "italic 52px 'Noto Serif', Georgia, serif";
    ctx.textBaseline = "middle";
    ctx.fillText(name, 20, canvas.height / 2, canvas.width - 40);
    setDataUrl(canvas.toDataURL("image/png"));
  };

  return (
    <fieldset className="stack signature-field" aria-describedby={error ? "signature-error" : "signature-hint"}>
      <legend>Your signature{required ? "" : " (optional)"}</legend>
      <p id="signature-hint" className="hint">
        Draw it in the box with your mouse, finger or stylus. It is printed under your name in the signed letter.
      </p>
      <canvas
        ref={canvasRef}
        width={600}
        height={200}
        className="signature-canvas"
        role="img"
        aria-label={dataUrl ? "Your drawn signature" : "Empty signature box"}
        data-testid="signature-canvas"
      />
      <input type="hidden" name="signatureImage" value={dataUrl} />
      <input type="hidden" name="ink" value={ink} />
      <div className="actions">
        <button type="button" className="btn btn--secondary" onClick={undo}>Undo stroke</button>
        <button type="button" className="btn btn--secondary" onClick={clear}>Clear</button>
        <button type="button" className="btn btn--secondary" onClick={typed}>Sign with my typed name</button>
      </div>
      <div className="actions" role="radiogroup" aria-label="Ink colour">
        {(Object.keys(INK) as Ink[]).map((c) => (
          <label key={c} className="radio">
            <input type="radio" name="inkChoice" value={c} checked={ink === c} onChange={() => changeInk(c)} /> {c === "black" ? "Black ink" : "Blue ink"}
          </label>
        ))}
      </div>
      {error && <p id="signature-error" className="field-error">{error.join(" ")}</p>}
    </fieldset>
  );
}
