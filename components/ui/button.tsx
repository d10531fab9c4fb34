import { Loader2 } from "lucide-react";
import { Slot } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";

const VARIANTS = {
  primary: "bg-accent-600 text-white hover:bg-accent-700 disabled:bg-accent-600/50 shadow-sm",
  secondary:
    "bg-white text-zinc-900 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800",
  ghost: "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-red-600/50 shadow-sm",
} as const;

const SIZES = { sm: "h-8 px-2.5 text-sm gap-1.5", md: "h-10 px-3.5 text-sm gap-2", lg: "h-11 px-5 text-base gap-2" } as const;

export type ButtonProps = ComponentProps<"button"> & {
  variant?: keyof typeof VARIANTS;
  size?: keyof typeof SIZES;
  asChild?: boolean;
  /** The action this button started is in flight: disabled, aria-busy, and a spinner says so. */
  pending?: boolean;
};

export function Button({ variant = "primary", size = "md", asChild, className, pending, ...props }: ButtonProps) {
  const Comp = asChild ? Slot.Root : "button";
  if (pending && !asChild) {
    return (
      <button
        className={cn(
          "inline-flex shrink-0 cursor-progress items-center justify-center rounded-md font-medium transition-colors disabled:opacity-60 [&>svg~svg]:hidden",
          VARIANTS[variant],
          SIZES[size],
          className,
        )}
        {...props}
        disabled
        aria-busy
        data-pending=""
      >
        <Loader2 className="size-4 shrink-0 animate-spin motion-reduce:animate-none" aria-hidden />
        {props.children}
      </button>
    );
  }
  return (
    <Comp
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-md font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60",
        VARIANTS[variant],
        SIZES[size],
        className,
      )}
      {...props}
    />
  );
}
