-- DropIndex
DROP INDEX "ActivityEntry_memberId_day_sums_idx";

-- DropIndex
DROP INDEX "ActivityEntry_teamId_day_memberId_sums_idx";

-- AlterTable
ALTER TABLE "ActivityEntry" ADD COLUMN     "visits" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "ActivityEntry_memberId_day_sums_idx" ON "ActivityEntry"("memberId", "day", "calls", "effective", "intents", "followUps", "appointments", "visits", "amount");

-- CreateIndex
CREATE INDEX "ActivityEntry_teamId_day_memberId_sums_idx" ON "ActivityEntry"("teamId", "day", "memberId", "calls", "effective", "intents", "followUps", "appointments", "visits", "amount");
