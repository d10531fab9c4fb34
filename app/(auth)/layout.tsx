import { Rocket } from "lucide-react";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <div className="mb-8 flex items-center gap-2 text-lg font-semibold">
        <span className="grid size-9 place-items-center rounded-lg bg-accent-600 text-white">
          <Rocket className="size-5" aria-hidden />
        </span>
        Liftoff
      </div>
      <div className="w-full max-w-sm">{children}</div>
    </main>
  );
}
