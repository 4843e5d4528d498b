-- DropIndex
DROP INDEX "Member_messengerUserId_key";

-- DropIndex
DROP INDEX "OrgAdmin_messengerUserId_key";

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "messenger" TEXT;

-- AlterTable
CREATE SEQUENCE org_id_seq;
ALTER TABLE "Org" ADD COLUMN     "messenger" TEXT,
ALTER COLUMN "id" SET DEFAULT nextval('org_id_seq');
ALTER SEQUENCE org_id_seq OWNED BY "Org"."id";
-- Written by hand: the one row there was has id 1, so the sequence starts after it.
SELECT setval('org_id_seq', COALESCE((SELECT MAX("id") FROM "Org"), 0) + 1, false);

-- AlterTable
ALTER TABLE "OrgAdmin" ADD COLUMN     "messenger" TEXT;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "messenger" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Member_messenger_messengerUserId_key" ON "Member"("messenger", "messengerUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Org_messenger_key" ON "Org"("messenger");

-- CreateIndex
CREATE UNIQUE INDEX "OrgAdmin_messenger_messengerUserId_key" ON "OrgAdmin"("messenger", "messengerUserId");
