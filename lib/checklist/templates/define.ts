import { parseRelativeDue } from "../due";
import type { BuiltinTemplate, TemplateContent, TemplateItem } from "./content";

// A compact way to write built-in templates as data: check("key", "Title", "Why/how", { due: "T-2d" }).

type CheckOptions = { due?: string; optional?: boolean; evidence?: boolean; after?: string[] };

export function check(key: string, title: string, description: string, opts: CheckOptions = {}): TemplateItem {
  const dueOffsetMinutes = opts.due ? parseRelativeDue(opts.due) : null;
  // A typo in a built-in template is a programming error: fail loudly at load, in every test run.
  if (opts.due && dueOffsetMinutes === null) throw new Error(`Template check ${key}: bad relative due ${opts.due}`);
  return {
    key,
    title,
    description,
    required: !opts.optional,
    requiresEvidence: opts.evidence ?? false,
    dueOffsetMinutes,
    predecessors: opts.after ?? [],
  };
}

export function defineTemplate(t: {
  id: string;
  name: string;
  description: string;
  signoffGroups: TemplateContent["signoffGroups"];
  sections: { title: string; items: TemplateItem[] }[];
}): BuiltinTemplate {
  return { id: t.id, name: t.name, description: t.description, content: { sections: t.sections, signoffGroups: t.signoffGroups } };
}
