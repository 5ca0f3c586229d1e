import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createAppeal, createUser } from "@/lib/factories";
import { addLogo } from "./add-logo";
import { listLogos } from "./list-logos";
import { moveLogo } from "./move-logo";
import { LogoImageError, processLogoImage } from "./process-logo-image";
import { removeLogo } from "./remove-logo";

const image = (width: number, height: number, format: "png" | "jpeg" | "gif" | "webp" = "png") =>
  sharp({ create: { width, height, channels: 4, background: { r: 20, g: 60, b: 160, alpha: 0.8 } } })
    .toFormat(format)
    .toBuffer();

async function team() {
  const owner = await createUser();
  const appeal = await createAppeal({ ownerId: owner.id });
  return { owner, appeal };
}

const positions = async (appealId: string) =>
  (await db().appealLogo.findMany({ where: { appealId }, orderBy: { position: "asc" }, select: { id: true } })).map((l) => l.id);

describe("processLogoImage", () => {
  it("re-encodes a PNG or JPEG at most 400 px tall, keeping its kind", async () => {
    const png = await processLogoImage(await image(1200, 800));
    expect(png).toMatchObject({ mimeType: "image/png", width: 600, height: 400 });
    expect((await sharp(png.data).metadata()).format).toBe("png");
    const jpeg = await processLogoImage(await image(300, 100, "jpeg"));
    expect(jpeg).toMatchObject({ mimeType: "image/jpeg", width: 300, height: 100 });
    const wide = await processLogoImage(await image(4000, 200));
    expect(wide).toMatchObject({ width: 1600, height: 80 });
  });

  it("refuses what is not a PNG or JPEG by its bytes, whatever else it is", async () => {
    const refusal = (bytes: Buffer) => processLogoImage(bytes).catch((e: unknown) => (e as Error).message);
    expect(await refusal(await image(100, 100, "gif"))).toBe("The logo must be a PNG or JPEG image.");
    expect(await refusal(await image(100, 100, "webp"))).toBe("The logo must be a PNG or JPEG image.");
    expect(await refusal(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBe("The logo must be a PNG or JPEG image.");
    expect(await refusal(Buffer.alloc(0))).toBe("Choose a PNG or JPEG file.");
    const truncated = (await image(200, 200)).subarray(0, 60);
    expect(await refusal(truncated)).toBe("The logo could not be read: save it again as PNG or JPEG.");
    expect(await refusal(Buffer.concat([await image(50, 50), Buffer.alloc(600 * 1024)]))).toBe("The logo is too large: at most 500 KB.");
    expect(await refusal(await image(8, 100))).toMatch(/too small/);
    await expect(processLogoImage(Buffer.from([0xff, 0xd8, 0xff, 0, 1, 2]))).rejects.toBeInstanceOf(LogoImageError);
  });
});

describe("letterhead logos", () => {
  it("adds, orders and removes logos for coordinators only, and records each change", async () => {
    const { owner, appeal } = await team();
    const outsider = await createUser();
    const a = await addLogo({ userId: owner.id, appealId: appeal.id, file: await image(200, 100) });
    const b = await addLogo({ userId: owner.id, appealId: appeal.id, file: await image(300, 100, "jpeg") });
    const c = await addLogo({ userId: owner.id, appealId: appeal.id, file: await image(100, 100) });
    expect(await positions(appeal.id)).toEqual([a.id, b.id, c.id]);

    await moveLogo({ userId: owner.id, appealId: appeal.id, logoId: c.id, direction: "up" });
    expect(await positions(appeal.id)).toEqual([a.id, c.id, b.id]);
    await moveLogo({ userId: owner.id, appealId: appeal.id, logoId: a.id, direction: "up" });
    expect(await positions(appeal.id)).toEqual([a.id, c.id, b.id]);
    await removeLogo({ userId: owner.id, appealId: appeal.id, logoId: c.id });
    const listed = await listLogos({ userId: owner.id, appealId: appeal.id });
    expect(listed.map((l) => l.id)).toEqual([a.id, b.id]);
    expect(listed[1]!.src).toMatch(/^data:image\/jpeg;base64,/);

    const notFound = (e: unknown) => isAppError(e, "NOT_FOUND");
    await expect(addLogo({ userId: outsider.id, appealId: appeal.id, file: await image(50, 50) })).rejects.toSatisfy(notFound);
    await expect(removeLogo({ userId: outsider.id, appealId: appeal.id, logoId: a.id })).rejects.toSatisfy(notFound);
    await expect(moveLogo({ userId: outsider.id, appealId: appeal.id, logoId: b.id, direction: "up" })).rejects.toSatisfy(notFound);
    await expect(listLogos({ userId: outsider.id, appealId: appeal.id })).rejects.toSatisfy(notFound);

    // A logo of another appeal cannot be touched through this one.
    const other = await team();
    const foreign = await addLogo({ userId: other.owner.id, appealId: other.appeal.id, file: await image(50, 50) });
    await expect(removeLogo({ userId: owner.id, appealId: appeal.id, logoId: foreign.id })).rejects.toSatisfy((e: unknown) => isAppError(e, "CONFLICT"));
    expect(await positions(other.appeal.id)).toEqual([foreign.id]);

    const actions = await db().auditEvent.findMany({ where: { appealId: appeal.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["letter.logo-added", "letter.logo-added", "letter.logo-added", "letter.logo-moved", "letter.logo-removed"]);
  });

  it("keeps at most four logos", async () => {
    const { owner, appeal } = await team();
    for (let i = 0; i < 4; i++) await addLogo({ userId: owner.id, appealId: appeal.id, file: await image(60, 30) });
    await expect(addLogo({ userId: owner.id, appealId: appeal.id, file: await image(60, 30) })).rejects.toSatisfy((e: unknown) => isAppError(e, "CONFLICT"));
    expect(await db().appealLogo.count({ where: { appealId: appeal.id } })).toBe(4);
  });
});
