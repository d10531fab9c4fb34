import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every file under app/ and lib/ whose first statement is the "use server" directive. */
export function serverActionFiles(root = process.cwd()): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const head = readFileSync(full, "utf8").replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
        if (/^["']use server["']/.test(head)) files.push(full);
      }
    }
  };
  for (const dir of ["app", "lib"]) walk(path.join(root, dir));
  return files.sort();
}
