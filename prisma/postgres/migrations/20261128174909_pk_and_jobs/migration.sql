-- CreateTable
CREATE TABLE "CalendarOverride" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "setBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "job" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "failures" TEXT NOT NULL DEFAULT '[]',
    "posts" TEXT NOT NULL DEFAULT '[]',
    "snapshot" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PkWin" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "groupId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PkWin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
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
