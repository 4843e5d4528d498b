-- CreateTable
CREATE TABLE "Probation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "startedOn" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "extensionDays" INTEGER NOT NULL DEFAULT 0,
    "itemsDone" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'open',
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "note" TEXT,
    "requests" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReviewHold" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" INTEGER NOT NULL,
    "quarterKey" TEXT NOT NULL,
    "memberId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "heldBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Probation_memberId_key" ON "Probation"("memberId");

-- CreateIndex
CREATE INDEX "Probation_teamId_status_idx" ON "Probation"("teamId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewHold_teamId_quarterKey_memberId_key" ON "ReviewHold"("teamId", "quarterKey", "memberId");
