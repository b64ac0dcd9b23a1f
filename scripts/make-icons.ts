// Renders the app icons (PNG) from web/static/favicon.svg with the system Chromium.
// Run: pnpm exec node scripts/make-icons.ts
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const svg = await readFile(new URL('../web/static/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();

async function render(size: number, file: string, maskable = false) {
  await page.setViewportSize({ width: size, height: size });
  // A maskable icon keeps its symbol inside the central 80 % safe zone, on a full-bleed background.
  const inner = maskable
    ? `<div style="width:100%;height:100%;background:#0f4c5c;display:grid;place-items:center">
         <div style="width:70%;height:70%">${svg.replace('rx="14"', 'rx="0"')}</div></div>`
    : svg;
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><div style="width:${size}px;height:${size}px">${inner}</div></body></html>`,
  );
  await page.addStyleTag({ content: 'svg{width:100%;height:100%;display:block}' });
  await page.screenshot({
    path: new URL(`../web/static/icons/${file}`, import.meta.url).pathname,
    omitBackground: true,
  });
}

await render(192, 'icon-192.png');
await render(512, 'icon-512.png');
await render(512, 'maskable-512.png', true);
await render(180, 'apple-touch-icon.png', true);
await browser.close();
console.log('icons written to web/static/icons/');
