// Messages name things rather than count them, but a list of forty titles helps nobody.

/** "a, b, +2 more": the first `max` parts, then how many were left out. */
export function listWithMore(parts: readonly string[], max = 3): string {
  const hidden = parts.length - Math.min(parts.length, max);
  const shown = parts.slice(0, max).join(", ");
  return hidden > 0 ? `${shown}, +${hidden} more` : shown;
}

/** “A”, “B”, +2 more. Titles are shown in the order given. */
export function quoteList(titles: readonly string[], max = 3): string {
  return listWithMore(
    titles.map((t) => `“${t}”`),
    max,
  );
}

/** "1 required item" / "3 required items". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
