export { compileRunbook, validateGraph, RunbookGraphError, MAX_TASKS, MAX_DEPENDENCIES, MAX_MINUTES } from "./graph";
export type { CompiledRunbook, GraphCheck } from "./graph";
export { plan, planCompiled } from "./plan";
export { pointOfNoReturn, rollbackStillFits } from "./ponr";
export type * from "./types";
