"use client";
import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";

/** A destructive button that asks once more in place ("Delete" -> "Confirm delete") before it acts. */
export function ConfirmButton({ onConfirm, children, confirmLabel, ...props }: Omit<ButtonProps, "onClick"> & { onConfirm: () => void; confirmLabel: string }) {
  const [asking, setAsking] = useState(false);
  return (
    <Button
      {...props}
      variant={asking ? "danger" : (props.variant ?? "ghost")}
      onClick={() => (asking ? (setAsking(false), onConfirm()) : setAsking(true))}
      onBlur={() => setAsking(false)}
    >
      {asking ? confirmLabel : children}
    </Button>
  );
}
