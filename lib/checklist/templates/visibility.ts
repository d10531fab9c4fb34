// Who may list and use a template. Pure: the rule lives here once; access.ts turns it into a query.
// - Built-ins are global.
// - A saved template is private to the team of the launch it was saved from: that launch's members
//   (any role) list it and start launches from it. Nobody else learns it exists.
// - An instance admin may publish a saved template: then every user lists and uses it.

export type TemplateVisibility = { builtIn: boolean; published: boolean; launchId: string | null };

export function canUseTemplate(template: TemplateVisibility, memberOf: ReadonlySet<string>): boolean {
  if (template.builtIn || template.published) return true;
  return template.launchId !== null && memberOf.has(template.launchId);
}

/** "Built-in", "Published" or "Your team's" — how the picker labels where a template comes from. */
export function templateScopeLabel(template: Pick<TemplateVisibility, "builtIn" | "published">): string {
  if (template.builtIn) return "Built-in";
  return template.published ? "Published" : "Your team's";
}
