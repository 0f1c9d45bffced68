/** npm run audit:verify — checks every audit hash chain; exits 1 if any link is broken. */
import { parseEnv } from "../app/env.server";
import { verifyAuditChains } from "../app/services/audit/verify-audit-chain.server";
import { nationalRead } from "../app/services/scope.server";
import { openDatabase, openOptionsFromEnv } from "../db/client";

const env = parseEnv();
const handle = await openDatabase(openOptionsFromEnv(env));
try {
  // Every authority's chain: a national read, itself recorded in the trail (ADR 0008).
  const reports = await nationalRead(handle.db, { userId: null, label: "audit:verify" }, "verify the audit chains", (tx) => verifyAuditChains(tx));
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
