import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './src/pwa/manifest';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
  // The dev server may read the crisis list the server and the bundle share.
  server: { fs: { allow: ['.', '../backend/web/crisis_resources.json'] } },
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // The page registers the worker itself (src/pwa/register.ts): the CSP
      // forbids the inline registration script the plugin would inject.
      injectRegister: null,
      manifestFilename: 'manifest.webmanifest',
      manifest,
      includeAssets: ['favicon.svg', 'favicon.ico', 'icons/*.png'],
      injectManifest: {
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        // Screenshots are only for the install sheet; never worth precaching.
        globIgnores: ['screenshots/**'],
      },
      devOptions: { enabled: false },
    }),
  ],
});
