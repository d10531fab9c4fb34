import { AppHeader } from "@/components/app-header";
import { requirePageUser } from "@/lib/auth/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="min-h-dvh">
      <AppHeader user={{ name: user.name, email: user.email, isAdmin: user.isAdmin }} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
