-- CreateTable
CREATE TABLE "PayRuleVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PayStatement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "totalFen" INTEGER NOT NULL,
    "closedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PayAdjustment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "correctsMonth" TEXT NOT NULL,
    "appliesTo" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "PayRuleVersion_teamId_level_effectiveFrom_idx" ON "PayRuleVersion"("teamId", "level", "effectiveFrom");

-- CreateIndex
CREATE INDEX "PayStatement_teamId_month_idx" ON "PayStatement"("teamId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "PayStatement_memberId_month_key" ON "PayStatement"("memberId", "month");

-- CreateIndex
CREATE INDEX "PayAdjustment_memberId_appliesTo_idx" ON "PayAdjustment"("memberId", "appliesTo");
