// Bundles the extension (out/extension.js, vscode external) and, with --tests, the unit tests
// (out/test/*.test.js, run by `node --test`: they only import modules that don't need vscode).
import { build } from "esbuild";
import { readdirSync } from "node:fs";

const tests = process.argv.includes("--tests");
const common = { bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" };

if (tests) {
  await build({
    ...common,
    entryPoints: readdirSync("test").filter((f) => f.endsWith(".test.ts")).map((f) => `test/${f}`),
    outdir: "out/test",
    sourcemap: "inline",
  });
} else {
  await build({
    ...common,
    entryPoints: ["src/extension.ts"],
    outfile: "out/extension.js",
    external: ["vscode"],
    minify: true,
    sourcemap: false,
  });
}
