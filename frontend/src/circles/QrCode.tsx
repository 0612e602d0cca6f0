import { useEffect, useState } from 'preact/hooks';
import { type QrShape, qrShape } from './qr';

/** The link as a QR code, drawn on this device as an SVG path (no image service). */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [shape, setShape] = useState<QrShape | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setShape(null);
    qrShape(text)
      .then((value) => live && setShape(value))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [text]);

  if (failed) return null;
  if (!shape) return <div class="qr qr--waiting" aria-hidden="true" />;
  return (
    <svg
      class="qr"
      viewBox={`0 0 ${shape.size} ${shape.size}`}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <rect class="qr-light" width={shape.size} height={shape.size} />
      <path class="qr-dark" d={shape.d} />
    </svg>
  );
}
