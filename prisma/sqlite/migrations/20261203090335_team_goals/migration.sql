-- CreateTable
CREATE TABLE "TeamGoal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "groupId" INTEGER NOT NULL DEFAULT 0,
    "amount" INTEGER NOT NULL,
    "setBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "TeamGoal_teamId_month_groupId_key" ON "TeamGoal"("teamId", "month", "groupId");
