-- CreateTable
CREATE TABLE "WallLink" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "liveTeamId" INTEGER,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "WallLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WallLink_tokenHash_key" ON "WallLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "WallLink_liveTeamId_key" ON "WallLink"("liveTeamId");

-- CreateIndex
CREATE INDEX "WallLink_teamId_idx" ON "WallLink"("teamId");
