/**
 * Runs after npm install. postgres.js 3.4.9 (the latest) crashes the whole Node process when the
 * PostgreSQL server dies under load: a write it deferred with setImmediate runs after the socket
 * was closed and throws "Cannot read properties of null (reading 'write')" outside any promise
 * (porsager/postgres#1154, #1208; fix proposed in #1209, not released). The connection also kept
 * the cancelled timer and the unsent bytes, so after reconnecting it could send stale bytes or
 * never flush. tests/integration/postgres/server-crash.spec.ts kills the server and fails without
 * this. The guard: a write with no socket fails its queries with CONNECTION_CLOSED (the app sees a
 * normal, catchable error and the pool reconnects), and closing forgets the pending write.
 * Remove this script once a released postgres.js has the fix (it then stops finding the old text).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const MARK = "/* fs-tracker: guarded nextWrite */";
const root = path.resolve("node_modules/postgres");
const files = ["src", "cjs/src", "cf/src"].map((dir) => path.join(root, dir, "connection.js")).filter(existsSync);

for (const file of files) {
  let text = readFileSync(file, "utf8");
  if (text.includes(MARK)) continue;
  const replacements = [
    ["  function nextWrite(fn) {\n", `  function nextWrite(fn) {\n    ${MARK}\n    if (!socket) {\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n`],
    ["    clearImmediate(nextWriteTimer)\n", "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n"],
  ];
  for (const [from, to] of replacements) {
    if (!text.includes(from)) {
      console.warn(`patch-postgres-driver: ${file} has changed (no "${from.trim()}"); check whether the upstream fix is in and remove this script.`);
      process.exit(0);
    }
    text = text.split(from).join(to);
  }
  writeFileSync(file, text);
}
