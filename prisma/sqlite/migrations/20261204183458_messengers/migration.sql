-- DropIndex
DROP INDEX "Member_messengerUserId_key";

-- DropIndex
DROP INDEX "OrgAdmin_messengerUserId_key";

-- AlterTable
ALTER TABLE "Member" ADD COLUMN "messenger" TEXT;

-- AlterTable
ALTER TABLE "OrgAdmin" ADD COLUMN "messenger" TEXT;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN "messenger" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Org" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "messenger" TEXT,
    "pkChannelId" TEXT
);
INSERT INTO "new_Org" ("id", "pkChannelId") SELECT "id", "pkChannelId" FROM "Org";
DROP TABLE "Org";
ALTER TABLE "new_Org" RENAME TO "Org";
CREATE UNIQUE INDEX "Org_messenger_key" ON "Org"("messenger");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Member_messenger_messengerUserId_key" ON "Member"("messenger", "messengerUserId");

-- CreateIndex
CREATE UNIQUE INDEX "OrgAdmin_messenger_messengerUserId_key" ON "OrgAdmin"("messenger", "messengerUserId");
