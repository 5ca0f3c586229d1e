"use client";

import { useActionState, useEffect, useState } from "react";
import { useFormStatus } from "react-dom";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { moveSignatureAction, setSignatoryOrderAction } from "@/lib/actions/review";
import { idleState } from "@/lib/schemas/form-state";
import styles from "./review.module.css";

export interface OrderItem {
  id: string;
  kind: "ORGANISATION" | "INDIVIDUAL";
  label: string;
}

type Order = "CHRONOLOGICAL" | "ALPHABETICAL" | "MANUAL";

const CHOICES: [Order, string][] = [
  ["CHRONOLOGICAL", "In the order they signed"],
  ["ALPHABETICAL", "Alphabetically by organisation, then name"],
  ["MANUAL", "In my own order"],
];

/**
 * How the letter orders its signatories. In manual order every signatory has Up and Down
 * buttons: plain forms, so the order can be set from a keyboard, a screen reader or a phone,
 * without drag and drop.
 */
export function LetterOrderControl({ appealId, order, items }: { appealId: string; order: Order; items: OrderItem[] }) {
  const [orderState, orderAction] = useActionState(setSignatoryOrderAction, idleState);
  const [moveState, moveAction] = useActionState(moveSignatureAction, idleState);
  const [last, setLast] = useState<"order" | "move">("order");
  // After a move the list is drawn again; keep the keyboard on the button that was pressed.
  const [moved, setMoved] = useState<{ id: string; direction: "up" | "down" } | null>(null);
  useEffect(() => {
    if (!moved) return;
    const pressed = document.getElementById(`move-${moved.id}-${moved.direction}`) as HTMLButtonElement | null;
    const other = document.getElementById(`move-${moved.id}-${moved.direction === "up" ? "down" : "up"}`);
    (pressed && !pressed.disabled ? pressed : other)?.focus();
  }, [moveState, moved]);

  const groups: [string, OrderItem[]][] = [
    ["Organisations", items.filter((i) => i.kind === "ORGANISATION")],
    ["Individuals", items.filter((i) => i.kind === "INDIVIDUAL")],
  ];

  return (
    <div className="stack">
      <FormMessage state={last === "order" ? orderState : moveState} />
      <form action={orderAction} onSubmit={() => setLast("order")} className="stack">
        <input type="hidden" name="appealId" value={appealId} />
        <fieldset className={styles.choices}>
          <legend>Order in the letter</legend>
          {CHOICES.map(([value, label]) => (
            <label key={value} className="radio">
              <input type="radio" name="order" value={value} defaultChecked={order === value} key={`${value}-${order}`} /> {label}
            </label>
          ))}
        </fieldset>
        <div>
          <SubmitButton pendingLabel="Saving…" className="btn btn--secondary">Save the order</SubmitButton>
        </div>
      </form>
      {order === "MANUAL" &&
        groups.map(([heading, list]) =>
          list.length === 0 ? null : (
            <section key={heading} aria-labelledby={`order-${heading}`} className="stack">
              <h3 id={`order-${heading}`} style={{ margin: 0 }}>{heading}</h3>
              <ol className={styles.order}>
                {list.map((item, index) => (
                  <li key={item.id} className={styles.orderItem}>
                    <span className={styles.orderLabel}>
                      <span aria-hidden="true">{index + 1}. </span>
                      {item.label}
                    </span>
                    <form action={moveAction} onSubmit={() => setLast("move")}>
                      <input type="hidden" name="appealId" value={appealId} />
                      <input type="hidden" name="signatureId" value={item.id} />
                      <MoveButton id={item.id} direction="up" label={item.label} disabled={index === 0} onPress={setMoved} />
                      <MoveButton id={item.id} direction="down" label={item.label} disabled={index === list.length - 1} onPress={setMoved} />
                    </form>
                  </li>
                ))}
              </ol>
            </section>
          ),
        )}
    </div>
  );
}

function MoveButton({
  id,
  direction,
  label,
  disabled,
  onPress,
}: {
  id: string;
  direction: "up" | "down";
  label: string;
  disabled: boolean;
  onPress: (m: { id: string; direction: "up" | "down" }) => void;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      id={`move-${id}-${direction}`}
      name="direction"
      value={direction}
      className="btn btn--secondary"
      disabled={disabled || pending}
      aria-disabled={disabled || pending}
      onClick={() => onPress({ id, direction })}
    >
      {direction === "up" ? "Up" : "Down"}
      <span className="visually-hidden">: move {label} {direction}</span>
    </button>
  );
}
