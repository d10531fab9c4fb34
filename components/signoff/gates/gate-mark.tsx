import { CircleCheck, CircleX } from "lucide-react";
import { cn } from "@/components/ui/cn";

/** Pass / fail for one gate: icon and word, printed in black and white too. */
export function GateMark({ pass, className }: { pass: boolean; className?: string }) {
  const Icon = pass ? CircleCheck : CircleX;
  return (
    <span
      className={cn(
        "inline-flex w-16 shrink-0 items-center gap-1 text-sm font-semibold",
        pass ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400",
        "print:text-black",
        className,
      )}
    >
      <Icon className="size-4" aria-hidden /> {pass ? "Pass" : "Fail"}
    </span>
  );
}
