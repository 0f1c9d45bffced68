import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { backupPglite, restorePglite } from "../../../db/backup";
import { openDatabase } from "../../../db/client";
import { DatabaseLockedError } from "../../../db/lock";
import { migrateDatabase } from "../../../db/migrate";
import { authority } from "../../../db/schema";
import { createAuthority } from "../../factories";

describe("backup and restore of the embedded database", () => {
  it("backs up, refuses while the app holds the folder, and restores after a loss", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "fs-backup-"));
    const dataDir = path.join(root, "data");
    const file = path.join(root, "backup.tar.gz");
    try {
      const running = await openDatabase({ kind: "pglite", dataDir });
      await migrateDatabase(running);
      await createAuthority(running.db, { slug: "kept-safe", name: "Kept Safe" });
      await expect(backupPglite(dataDir, file)).rejects.toBeInstanceOf(DatabaseLockedError);
      await running.close();

      expect((await backupPglite(dataDir, file)).bytes).toBeGreaterThan(1000);
      // Lose a row after the backup, then restore.
      const after = await openDatabase({ kind: "pglite", dataDir });
      await after.db.delete(authority).where(eq(authority.slug, "kept-safe"));
      await after.close();

      const { movedAside } = await restorePglite(dataDir, file);
      expect(movedAside).toContain("pgdata.before-restore-");
      const restored = await openDatabase({ kind: "pglite", dataDir });
      const rows = await restored.db.select().from(authority).where(eq(authority.slug, "kept-safe"));
      expect(rows).toHaveLength(1);
      await restored.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
