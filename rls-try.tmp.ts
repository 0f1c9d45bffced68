import { sql } from "drizzle-orm";
import { openDatabase } from "./db/client";
import { migrateDatabase } from "./db/migrate";
import { becomePgliteAppRole, assertAppRole, rowsOf } from "./db/access";
const h = await openDatabase({ kind: "pglite-memory" });
await migrateDatabase(h);
const r = await h.pglite!.query(`select relname, relrowsecurity, relforcerowsecurity, (select count(*) from pg_policy p where p.polrelid=c.oid) n from pg_class c where relkind='r' and relnamespace='public'::regnamespace and exists (select 1 from pg_attribute a where a.attrelid=c.oid and a.attname='authority_id') order by 1`);
console.log(r.rows.map((x: any) => `${x.relname} ${x.relrowsecurity} ${x.relforcerowsecurity} ${x.n}`).join("\n"));
try { await assertAppRole(h.db); } catch (e) { console.log((e as Error).message); }
await h.db.execute(sql`insert into authority (name, slug) values ('A','a')`).catch(e=>console.log(e.message));
await becomePgliteAppRole(h.db);
await assertAppRole(h.db);
console.log(rowsOf(await h.db.execute(sql`select current_user, count(*) from membership`)));
await h.close();
