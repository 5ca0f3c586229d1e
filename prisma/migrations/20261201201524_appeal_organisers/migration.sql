-- AlterTable
ALTER TABLE "Appeal" ADD COLUMN     "organisers" TEXT NOT NULL DEFAULT '';
