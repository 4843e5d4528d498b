-- CreateTable
CREATE TABLE "OrgAdmin" (
    "id" SERIAL NOT NULL,
    "messengerUserId" TEXT NOT NULL,
    "grantedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgAdmin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Org" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "pkChannelId" TEXT,

    CONSTRAINT "Org_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrgAdmin_messengerUserId_key" ON "OrgAdmin"("messengerUserId");
