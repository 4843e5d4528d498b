-- CreateTable
CREATE TABLE "WallLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "liveTeamId" INTEGER,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "WallLink_tokenHash_key" ON "WallLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "WallLink_liveTeamId_key" ON "WallLink"("liveTeamId");

-- CreateIndex
CREATE INDEX "WallLink_teamId_idx" ON "WallLink"("teamId");
