-- CreateTable
CREATE TABLE "TargetSetting" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TargetSetting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TargetSetting_teamId_effectiveFrom_idx" ON "TargetSetting"("teamId", "effectiveFrom");
