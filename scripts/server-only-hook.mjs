// Lets plain Node load the app's server modules: `server-only` is a marker that throws outside React
// Server Components; in this process every module is server code, so it resolves to an empty module.
import { register } from "node:module";

register("data:text/javascript," + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export%20%7B%7D", shortCircuit: true };
  return next(specifier, context);
}`));
