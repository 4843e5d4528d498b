-- DropIndex
DROP INDEX "ActivityEntry_memberId_day_idx";

-- DropIndex
DROP INDEX "ActivityEntry_teamId_day_idx";

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "rosterVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "ActivityEntry_memberId_day_sums_idx" ON "ActivityEntry"("memberId", "day", "calls", "effective", "intents", "followUps", "appointments", "amount");

-- CreateIndex
CREATE INDEX "ActivityEntry_teamId_day_memberId_sums_idx" ON "ActivityEntry"("teamId", "day", "memberId", "calls", "effective", "intents", "followUps", "appointments", "amount");

-- Roster version (written by hand: Prisma's schema does not describe triggers). Every change to a
-- team's members or groups raises "rosterVersion" in the same transaction, whoever makes it, so a
-- process that keeps the roster in memory knows when to read it again. One bump per statement (an
-- import of 10,000 members is one), of every team: roster changes are rare, teams are few.
CREATE FUNCTION "bump_roster_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Team" SET "rosterVersion" = "rosterVersion" + 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Member_roster_version" AFTER INSERT OR UPDATE OR DELETE ON "Member"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_roster_version"();
CREATE TRIGGER "Group_roster_version" AFTER INSERT OR UPDATE OR DELETE ON "Group"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_roster_version"();
