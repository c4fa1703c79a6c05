// The window's own index.html as the test page: the modules under test find the elements they
// find in the app.
import { readFileSync } from "node:fs";
import path from "node:path";

const html = readFileSync(path.join(import.meta.dirname, "../index.html"), "utf8");
const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? "";

export function loadPage() {
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, "");
}
