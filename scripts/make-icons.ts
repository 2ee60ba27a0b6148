// Draws the Teams app icons (manifest/color.png 192×192, manifest/outline.png 32×32) as 8-bit RGBA
// PNGs, encoded by pngjs. Run once: `npm run icons`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

type Rgba = [number, number, number, number];

export function encodePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => Rgba,
): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) png.data.set(pixel(x, y), (y * width + x) * 4);
  return PNG.sync.write(png, { colorType: 6, bitDepth: 8 });
}

/** The mark, in unit coordinates (0..1): two overlapping speech bubbles, i.e. two people talking. */
function inMark(u: number, v: number): boolean {
  const disc = (cx: number, cy: number, r: number) => (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  const left =
    disc(0.4, 0.42, 0.22) ||
    (u > 0.22 && u < 0.34 && v > 0.55 && v < 0.74 && u - 0.22 < (0.74 - v) * 0.7);
  const right =
    disc(0.62, 0.58, 0.2) ||
    (u > 0.66 && u < 0.8 && v > 0.7 && v < 0.86 && 0.8 - u < (0.86 - v) * 0.9);
  const gap = !left && disc(0.62, 0.58, 0.24) && disc(0.4, 0.42, 0.26); // a thin cut where they meet
  return (left || right) && !gap;
}

/** Fraction of a pixel covered by the mark (4×4 supersampling, for smooth edges). */
function coverage(x: number, y: number, size: number, inset: number): number {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) {
      const u = ((x + (i + 0.5) / 4) / size - inset) / (1 - 2 * inset);
      const v = ((y + (j + 0.5) / 4) / size - inset) / (1 - 2 * inset);
      if (inMark(u, v)) hits++;
    }
  return hits / 16;
}

export const ACCENT: [number, number, number] = [0x1f, 0x6f, 0x78]; // teal, also the manifest's accentColor

export function colorIcon(): Buffer {
  return encodePng(192, 192, (x, y) => {
    const c = coverage(x, y, 192, 0.06);
    const mix = (bg: number) => Math.round(bg + (255 - bg) * c);
    return [mix(ACCENT[0]), mix(ACCENT[1]), mix(ACCENT[2]), 255];
  });
}

export function outlineIcon(): Buffer {
  return encodePng(32, 32, (x, y) => [255, 255, 255, Math.round(255 * coverage(x, y, 32, 0.02))]);
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'manifest');
  writeFileSync(join(dir, 'color.png'), colorIcon());
  writeFileSync(join(dir, 'outline.png'), outlineIcon());
  console.log(`wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}`);
}
