-- DropForeignKey
ALTER TABLE "AppealInvitation" DROP CONSTRAINT "AppealInvitation_appealId_fkey";

-- AlterTable
ALTER TABLE "AppealMember" ADD COLUMN     "lastDigestAt" TIMESTAMP(3);

-- DropTable
DROP TABLE "AppealInvitation";
