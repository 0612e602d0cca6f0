/** A QR code as one SVG path: `size` modules square (border included), dark modules in `d`. */
export interface QrShape {
  size: number;
  d: string;
}

/** Dark modules as horizontal runs, one subpath each: a small path for a whole code. Pure. */
export function qrPathFromMatrix(rows: ReadonlyArray<ReadonlyArray<boolean>>): QrShape {
  const parts: string[] = [];
  rows.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h-${x - start}z`);
    }
  });
  return { size: rows.length, d: parts.join('') };
}

/** Encodes on this device (the link never leaves it); the encoder is its own chunk. */
export async function qrShape(text: string): Promise<QrShape> {
  const { encode } = await import('uqr');
  // M: still scans from a cracked or dim phone screen; border 4 is the spec's quiet zone.
  return qrPathFromMatrix(encode(text, { ecc: 'M', border: 4 }).data);
}
