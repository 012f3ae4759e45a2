/**
 * Draws the add-in icons (a white house on a rounded teal square) as PNG files in addin/assets, at
 * the sizes the manifest and Office ask for. Run `node addin/build/icones.ts` after changing the
 * drawing; the PNGs are committed, so a build needs nothing but Node.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { crc32, deflateSync } from "node:zlib";

export const TAILLES = [16, 32, 64, 80, 128] as const;

type Couleur = readonly [number, number, number];
const FOND: Couleur = [0x0b, 0x6a, 0x5b];
const MAISON: Couleur = [0xff, 0xff, 0xff];

/** Which colour covers point (x, y) of the unit square, or null outside the rounded square. */
function couleurEn(x: number, y: number): Couleur | null {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const toit = y >= 0.17 && y <= 0.5 && Math.abs(x - 0.5) <= ((y - 0.17) / 0.33) * 0.34;
  const corps = x >= 0.26 && x <= 0.74 && y >= 0.46 && y <= 0.82;
  const porte = x >= 0.43 && x <= 0.57 && y >= 0.6 && y <= 0.82;
  return (toit || corps) && !porte ? MAISON : FOND;
}

/** RGBA pixels, each averaged over 4×4 samples so the edges are anti-aliased. */
export function dessiner(taille: number): Uint8Array {
  const px = new Uint8Array(taille * taille * 4);
  const n = 4;
  for (let j = 0; j < taille; j++) {
    for (let i = 0; i < taille; i++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sj = 0; sj < n; sj++) {
        for (let si = 0; si < n; si++) {
          const c = couleurEn((i + (si + 0.5) / n) / taille, (j + (sj + 0.5) / n) / taille);
          if (c === null) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (j * taille + i) * 4;
      if (a > 0) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
      }
      px[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return px;
}

function bloc(type: string, donnees: Uint8Array): Buffer {
  const entete = Buffer.alloc(8);
  entete.writeUInt32BE(donnees.length, 0);
  entete.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([entete.subarray(4), donnees])) >>> 0, 0);
  return Buffer.concat([entete, donnees, crc]);
}

/** A minimal PNG: 8-bit RGBA, no interlace, filter 0 on every row. */
export function png(taille: number, pixels: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(taille, 0);
  ihdr.writeUInt32BE(taille, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const brut = Buffer.alloc(taille * (taille * 4 + 1));
  for (let j = 0; j < taille; j++) {
    brut[j * (taille * 4 + 1)] = 0;
    Buffer.from(pixels.buffer, pixels.byteOffset + j * taille * 4, taille * 4).copy(brut, j * (taille * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, bloc("IHDR", ihdr), bloc("IDAT", deflateSync(brut, { level: 9 })), bloc("IEND", new Uint8Array())]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const t of TAILLES) {
    const chemin = fileURLToPath(new URL(`../assets/icon-${t}.png`, import.meta.url));
    writeFileSync(chemin, png(t, dessiner(t)));
    console.log(`${chemin} (${t}×${t})`);
  }
}
