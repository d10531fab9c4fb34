import { Link2 } from "lucide-react";
import { isSafeHttpUrl } from "@/lib/validation/text";

/** Evidence links, showing the URL itself when printed (a printout cannot be clicked). */
export function EvidenceLinks({ links, label }: { links: string[]; label: string }) {
  if (links.length === 0) return null;
  return (
    <ul className="mt-0.5 flex flex-wrap gap-x-3 gap-y-0.5 text-xs" aria-label={label}>
      {links.map((href) => (
        <li key={href}>
          <a href={isSafeHttpUrl(href) ? href : undefined} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-1 text-accent-600 hover:underline dark:text-accent-400 print:text-black">
            <Link2 className="size-3" aria-hidden />
            <span className="max-w-72 truncate print:max-w-none print:whitespace-normal">{href.replace(/^https?:\/\//, "")}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
