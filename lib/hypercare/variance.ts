// Runbook variance for the closing report: how the live run's tasks took against their plan. Pure.

export type ExecutedTask = { title: string; plannedMin: number; actualStart: string | null; actualEnd: string | null; status: string };

export type Variance = {
  tasks: number;
  finished: number;
  /** Planned and actual minutes of the tasks that finished (the only ones with an actual duration). */
  plannedMin: number;
  actualMin: number;
  /** The tasks that ran longest over their plan, worst first (at most five). */
  overruns: { title: string; plannedMin: number; actualMin: number; overMin: number }[];
  notDone: { title: string; status: string }[];
};

const minutes = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 60_000);

export function runbookVariance(tasks: readonly ExecutedTask[]): Variance {
  const done = tasks.filter((t) => t.actualStart && t.actualEnd);
  const measured = done.map((t) => ({ title: t.title, plannedMin: t.plannedMin, actualMin: minutes(t.actualStart!, t.actualEnd!) }));
  return {
    tasks: tasks.length,
    finished: done.length,
    plannedMin: measured.reduce((s, t) => s + t.plannedMin, 0),
    actualMin: measured.reduce((s, t) => s + t.actualMin, 0),
    overruns: measured
      .map((t) => ({ ...t, overMin: t.actualMin - t.plannedMin }))
      .filter((t) => t.overMin > 0)
      .sort((a, b) => b.overMin - a.overMin)
      .slice(0, 5),
    notDone: tasks.filter((t) => !(t.actualStart && t.actualEnd)).map((t) => ({ title: t.title, status: t.status })),
  };
}
