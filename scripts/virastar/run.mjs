// Cleans every case of a JSON Lines file with Virastar's default options, twice, and prints one
// JSON line per case: {"in", "out", "out2"}. Run from a folder where virastar@0.22.1 is installed
// (compare.sh does).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(join(process.cwd(), "index.js"));
const Virastar = require("virastar");
const v = new Virastar();
for (const line of readFileSync(process.argv[2], "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const c = JSON.parse(line);
  const out = v.cleanup(c.in);
  console.log(JSON.stringify({ in: c.in, out, out2: v.cleanup(out) }));
}
