-- CreateTable
CREATE TABLE "Probation" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "startedOn" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "extensionDays" INTEGER NOT NULL DEFAULT 0,
    "itemsDone" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'open',
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "note" TEXT,
    "requests" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Probation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewHold" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "quarterKey" TEXT NOT NULL,
    "memberId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "heldBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewHold_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Probation_memberId_key" ON "Probation"("memberId");

-- CreateIndex
CREATE INDEX "Probation_teamId_status_idx" ON "Probation"("teamId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewHold_teamId_quarterKey_memberId_key" ON "ReviewHold"("teamId", "quarterKey", "memberId");
