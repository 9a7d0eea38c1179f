import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of the built site, as a meta tag so that it holds on any static host:
 * only this origin's scripts, no inline script, no eval (WebAssembly compilation excepted), nothing
 * fetched from elsewhere. The dev server does without (its hot reload injects inline script).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // Recordings the page made itself can be played back from blob: URLs.
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'least-action-lab:csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The installable, offline app: a web app manifest and a Workbox service worker that precaches the
 * whole build (page, module worker and its chunks, WASM binaries, icons), so that after one visit any
 * share link opens and trains with no network. A new version waits until every tab of the app is
 * closed or until the user accepts the update notice (src/app/serviceWorker.ts registers it); it never
 * takes over a running lesson by itself. The worker's scope is the page's directory (base './').
 */
function installableApp(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    // Registered from the app's own module (no inline script under the CSP), not by the plugin.
    injectRegister: false,
    // The glob below already takes every icon.
    includeManifestIcons: false,
    manifest: {
      name: 'Least Action Lab',
      short_name: 'Least Action',
      description:
        'Train small residual networks in your browser and watch them carry data through the plane.',
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      // The light theme's accent and page background (src/ui/styles/theme.css).
      theme_color: '#0b63a5',
      background_color: '#f6f7f9',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    workbox: {
      // Everything the page needs (the plugin adds the manifest), source maps excepted: they are five
      // times the app's size and only for debugging.
      globPatterns: ['**/*.{html,js,css,wasm,svg,png}'],
      // The largest files are a few hundred KB today; the build fails (rather than silently leaving
      // a file out of the offline copy) if one ever outgrows this.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // A first visit is controlled at once, so that it is already offline-ready; an update still
      // waits (no skipWaiting) until the user accepts it or every tab is closed.
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      // Navigations to the app's own page (its directory or index.html, with any query) are answered
      // from the offline copy; other pages of the same host under the scope are left to the network.
      navigateFallback: 'index.html',
      navigateFallbackAllowlist: [/\/(index\.html)?(\?.*)?$/],
    },
  });
}

export default defineConfig({
  // Relative asset URLs: the built site works from any static host and any sub-path.
  base: './',
  plugins: [react(), contentSecurityPolicy(), installableApp()],
  worker: { format: 'es' },
  // The worker imports these; listing them lets the dev server prepare them before the first visit
  // instead of discovering them mid-load and reloading the page.
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-core/dist/register_all_gradients',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-webgpu',
    ],
  },
  build: { target: 'es2022', sourcemap: true },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
