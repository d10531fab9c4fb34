"use client";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { control } from "./control-class";
import { useHydrated } from "./use-hydrated";

// A controlled field (value + onChange) typed into before the page hydrates loses that text the moment
// React takes over, and its form then submits empty or not at all. Such a field is read-only until then
// (a second at most, and it looks the same); uncontrolled fields keep what was typed and stay editable.
const beforeHydration = (hydrated: boolean, props: { value?: unknown; readOnly?: boolean }) => props.readOnly || (!hydrated && props.value !== undefined);

export function Input({ className, ...props }: ComponentProps<"input">) {
  const hydrated = useHydrated();
  return <input className={cn(control, "h-10", className)} {...props} readOnly={beforeHydration(hydrated, props)} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  const hydrated = useHydrated();
  return <textarea className={cn(control, "min-h-20", className)} {...props} readOnly={beforeHydration(hydrated, props)} />;
}
