import type { ManifestOptions } from 'vite-plugin-pwa';

/** Warm paper background, shared by the manifest, index.html and styles. */
export const BACKGROUND = '#f6f1ea';

export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Shoulder',
  short_name: 'Shoulder',
  description: 'A small circle of trusted friends who show up for each other when one of you is crying.',
  lang: 'en',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  theme_color: BACKGROUND,
  background_color: BACKGROUND,
  categories: ['health', 'lifestyle', 'social'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  screenshots: [
    {
      src: '/screenshots/narrow-1.png',
      sizes: '390x844',
      type: 'image/png',
      form_factor: 'narrow',
      label: 'Shoulder: gentle reminders for when a friend is crying',
    },
  ],
  shortcuts: [
    {
      name: 'Reach out',
      short_name: 'Reach out',
      description: 'Tell your circle you need them',
      url: '/reach-out',
      icons: [{ src: '/icons/shortcut-reach-out-96.png', sizes: '96x96', type: 'image/png' }],
    },
  ],
};
