-- CreateTable
CREATE TABLE "CalendarOverride" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "setBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" INTEGER NOT NULL,
    "job" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "failures" TEXT NOT NULL DEFAULT '[]',
    "posts" TEXT NOT NULL DEFAULT '[]',
    "snapshot" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "PkWin" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "groupId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarOverride_teamId_day_key" ON "CalendarOverride"("teamId", "day");

-- CreateIndex
CREATE INDEX "JobRun_teamId_job_startedAt_idx" ON "JobRun"("teamId", "job", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_teamId_job_periodKey_key" ON "JobRun"("teamId", "job", "periodKey");

-- CreateIndex
CREATE INDEX "PkWin_teamId_period_periodKey_idx" ON "PkWin"("teamId", "period", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "PkWin_teamId_period_periodKey_groupId_key" ON "PkWin"("teamId", "period", "periodKey", "groupId");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_teamId_kind_subjectKey_key_key" ON "Milestone"("teamId", "kind", "subjectKey", "key");
