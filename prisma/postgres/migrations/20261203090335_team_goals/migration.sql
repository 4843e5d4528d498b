-- CreateTable
CREATE TABLE "TeamGoal" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "groupId" INTEGER NOT NULL DEFAULT 0,
    "amount" INTEGER NOT NULL,
    "setBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamGoal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TeamGoal_teamId_month_groupId_key" ON "TeamGoal"("teamId", "month", "groupId");
