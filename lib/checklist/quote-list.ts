// Messages name things rather than count them, but a list of forty titles helps nobody.

/** “A”, “B”, +2 more. Titles are shown in the order given. */
export function quoteList(titles: readonly string[], max = 3): string {
  const shown = titles.slice(0, max).map((t) => `“${t}”`);
  const hidden = titles.length - shown.length;
  return hidden > 0 ? `${shown.join(", ")}, +${hidden} more` : shown.join(", ");
}

/** "1 required item" / "3 required items". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
