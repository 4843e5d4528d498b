-- CreateTable
CREATE TABLE "OrgAdmin" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "messengerUserId" TEXT NOT NULL,
    "grantedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Org" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "pkChannelId" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "OrgAdmin_messengerUserId_key" ON "OrgAdmin"("messengerUserId");
