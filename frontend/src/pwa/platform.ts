/** Pure checks about the device, kept apart so they can be unit-tested. */

export function isIos(userAgent: string, platform: string, maxTouchPoints: number): boolean {
  if (/iPhone|iPad|iPod/i.test(userAgent)) return true;
  // iPadOS 13+ says it is a Mac; a Mac with a touch screen is an iPad.
  return platform === 'MacIntel' && maxTouchPoints > 1;
}

/** Safari proper: other iOS browsers (CriOS, FxiOS, EdgiOS) can't add to Home Screen the same way. */
export function isIosSafari(userAgent: string, platform: string, maxTouchPoints: number): boolean {
  return (
    isIos(userAgent, platform, maxTouchPoints) &&
    /Safari/i.test(userAgent) &&
    !/CriOS|FxiOS|EdgiOS|OPiOS|GSA\//i.test(userAgent)
  );
}
