-- DropIndex
DROP INDEX "ActivityEntry_teamId_day_idx";

-- DropIndex
DROP INDEX "ActivityEntry_memberId_day_idx";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Team" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "pkChannelId" TEXT,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "rosterVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Team" ("createdAt", "id", "locale", "name", "pkChannelId", "settings", "timezone") SELECT "createdAt", "id", "locale", "name", "pkChannelId", "settings", "timezone" FROM "Team";
DROP TABLE "Team";
ALTER TABLE "new_Team" RENAME TO "Team";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ActivityEntry_memberId_day_sums_idx" ON "ActivityEntry"("memberId", "day", "calls", "effective", "intents", "followUps", "appointments", "amount");

-- CreateIndex
CREATE INDEX "ActivityEntry_teamId_day_memberId_sums_idx" ON "ActivityEntry"("teamId", "day", "memberId", "calls", "effective", "intents", "followUps", "appointments", "amount");

-- Roster version (written by hand: Prisma's schema does not describe triggers). Every change to a
-- team's members or groups raises its "rosterVersion" in the same transaction, whoever makes it, so
-- a process that keeps the roster in memory knows when to read it again.
CREATE TRIGGER "Member_roster_version_insert" AFTER INSERT ON "Member" BEGIN
  UPDATE "Team" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = NEW."teamId";
END;
CREATE TRIGGER "Member_roster_version_update" AFTER UPDATE ON "Member" BEGIN
  UPDATE "Team" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" IN (OLD."teamId", NEW."teamId");
END;
CREATE TRIGGER "Member_roster_version_delete" AFTER DELETE ON "Member" BEGIN
  UPDATE "Team" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = OLD."teamId";
END;
CREATE TRIGGER "Group_roster_version_insert" AFTER INSERT ON "Group" BEGIN
  UPDATE "Team" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = NEW."teamId";
END;
CREATE TRIGGER "Group_roster_version_update" AFTER UPDATE ON "Group" BEGIN
  UPDATE "Team" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" IN (OLD."teamId", NEW."teamId");
END;
CREATE TRIGGER "Group_roster_version_delete" AFTER DELETE ON "Group" BEGIN
  UPDATE "Team" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = OLD."teamId";
END;
