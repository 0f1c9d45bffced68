/** npm run audit:verify — checks every audit hash chain; exits 1 if any link is broken. */
import { parseEnv } from "../app/env.server";
import { verifyAuditChains } from "../app/services/audit/verify-audit-chain.server";
import { openDatabase, openOptionsFromEnv } from "../db/client";

const env = parseEnv();
const handle = await openDatabase(openOptionsFromEnv(env));
try {
  const reports = await verifyAuditChains(handle.db);
  let broken = 0;
  for (const r of reports) {
    console.log(`${r.label}: ${r.events} events, head ${r.head ?? "-"}${r.problems.length ? `, ${r.problems.length} PROBLEM(S)` : ", intact"}`);
    for (const p of r.problems) console.log(`  event ${p.id} (#${p.chainSeq ?? "?"}): ${p.problem}`);
    broken += r.problems.length;
  }
  console.log(broken ? `Audit trail TAMPERED: ${broken} broken link(s).` : `Audit trail intact: ${reports.length} chain(s) verified.`);
  process.exitCode = broken ? 1 : 0;
} finally {
  await handle.close();
}
