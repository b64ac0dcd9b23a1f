import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { buildFilingBenchPage } from '../build-filing-page.ts';
import '../filing-page/filing-bench-api.ts';
import { figure, type Figure } from '../report.ts';
import { median } from '../stats.ts';
import { ClinicServer } from '../../support/clinic-server.ts';

export type FilingConfig = { recognitionRounds: number; captureRounds: number };

/**
 * Both filing figures: the filing page (tests/bench/filing-page/) built into `pageDir` and
 * served by a real server process of its own, with the app's CSP.
 */
export async function measureFiling(
  browser: Browser,
  options: { pageDir: string; config: FilingConfig },
): Promise<{ figures: Figure[]; notes: string[] }> {
  await buildFilingBenchPage(options.pageDir);
  const server = await ClinicServer.start({ staticRoot: options.pageDir });
  try {
    const pageUrl = `${server.url}/index.html`;
    const recognition = await measureRecognition(browser, {
      pageUrl,
      imageUrl: '/scanned-page.png',
      imagePath: join(options.pageDir, 'scanned-page.png'),
      config: options.config,
    });
    const shots = await measureThreeShots(browser, { pageUrl, config: options.config });
    return {
      figures: [...recognition.figures, ...shots.figures],
      notes: [...recognition.notes, ...shots.notes],
    };
  } finally {
    await server.dispose();
  }
}

async function openFilingPage(browser: Browser, url: string): Promise<Page> {
  // Service workers blocked, as for the other pages: the files come from the server each time.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`filing benchmark page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => 'filingBench' in window);
  return page;
}

/** Native tesseract (Debian's tesseract-ocr) on the same image: ms per run, or why not. */
function nativeTesseract(imagePath: string, rounds: number): { ms: number[] } | { why: string } {
  const version = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0)
    return {
      why: 'native tesseract is not installed (apt-get install -y tesseract-ocr tesseract-ocr-eng)',
    };
  const ms: number[] = [];
  // One untimed run first, as the browser's worker is started before its timed runs.
  for (let round = 0; round <= rounds; round++) {
    const started = performance.now();
    const run = spawnSync('tesseract', [imagePath, '-', '-l', 'eng', '--oem', '1'], {
      encoding: 'utf8',
      // Tesseract's OpenMP threads would use both cores; tesseract.js uses one.
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    if (run.status !== 0) return { why: `native tesseract failed: ${run.stderr.trim()}` };
    if (round > 0) ms.push(performance.now() - started);
  }
  return { ms };
}

/**
 * Text recognition of one scanned page (a 150 DPI letter page of invented words) in Chromium,
 * with the app's TextRecogniser (tesseract.js in its worker, files from the server's origin),
 * against Debian's native tesseract on the same PNG, both single-threaded, LSTM, English.
 */
export async function measureRecognition(
  browser: Browser,
  options: { pageUrl: string; imageUrl: string; imagePath: string; config: FilingConfig },
): Promise<{ figures: Figure[]; notes: string[] }> {
  const rounds = options.config.recognitionRounds;
  const page = await openFilingPage(browser, options.pageUrl);
  const run = await page.evaluate((input) => window.filingBench.recognise(input), {
    imageUrl: options.imageUrl,
    rounds,
  });
  await page.context().close();
  const native = nativeTesseract(options.imagePath, rounds);
  const notes = [
    `recognition: the browser read ${run.text.split(/\s+/).length} words at ${run.confidence}% mean confidence; from a stopped worker (engine and English loaded from the server) ${Math.round(run.coldMs)} ms.`,
  ];
  const browserMs = median(run.warmMs);
  notes.push(
    'recognition: each native run is a process that loads its English model first (as a server-side fallback would per page); the browser’s worker keeps English loaded between pages, and its first page, model load included, is the stopped-worker figure.',
  );
  if ('why' in native) {
    notes.push(`recognition: no native baseline, ${native.why}.`);
    return {
      figures: [
        figure('recognise one scanned page (tesseract.js, browser): median', 'ms', browserMs),
      ],
      notes,
    };
  }
  return {
    figures: [
      figure('recognise one scanned page (tesseract.js, browser): median', 'ms', browserMs, {
        name: 'native tesseract 5 (Debian), 1 thread, a process per page',
        value: median(native.ms),
      }),
      figure('recognise one scanned page from a stopped worker', 'ms', run.coldMs),
    ],
    notes,
  };
}

/**
 * Three phone photos (4032×3024 JPEG) to the PDF the capture files, in Chromium: downscaled
 * upright to 2200 px, one PDF, its SHA-256; against raw pdf-lib embedding the photos as they
 * are. The sizes are what a tablet stores and uploads.
 */
export async function measureThreeShots(
  browser: Browser,
  options: { pageUrl: string; config: FilingConfig },
): Promise<{ figures: Figure[]; notes: string[] }> {
  const page = await openFilingPage(browser, options.pageUrl);
  const run = await page.evaluate((input) => window.filingBench.threeShots(input), {
    rounds: options.config.captureRounds,
  });
  await page.context().close();
  const kib = (bytes: number) => bytes / 1024;
  return {
    figures: [
      figure(
        'three camera shots to a filed PDF (downscale, PDF, checksum): median',
        'ms',
        median(run.appMs),
        {
          name: 'raw pdf-lib, photos embedded as they are',
          value: median(run.rawMs),
        },
      ),
      figure('three camera shots: the filed PDF', 'KiB', kib(run.appBytes), {
        name: 'raw pdf-lib PDF of the photos',
        value: kib(run.rawBytes),
      }),
    ],
    notes: [
      `three shots: the photos are ${Math.round(kib(run.photoBytes))} KiB together; per round (ms) app ${run.appMs.map(Math.round).join(', ')}, raw ${run.rawMs.map(Math.round).join(', ')}.`,
    ],
  };
}
