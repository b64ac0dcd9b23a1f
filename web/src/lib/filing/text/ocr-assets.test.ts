import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OCR_FILES } from './ocr-assets.ts';
import { copyOcrAssets, PACKAGE_CDN_ADDRESS } from './ocr-assets.vite.ts';

describe('the recognition files the app serves', () => {
  it('name no CDN: offline it would fail, and it would tell a third party who reads scans', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ocr-assets-'));
    try {
      await copyOcrAssets(dir);
      const worker = await readFile(join(dir, OCR_FILES[0].path), 'utf8');
      expect(worker.match(PACKAGE_CDN_ADDRESS)).toBeNull();
      expect(worker).toContain('/ocr/unused/');
      expect(worker.length).toBeGreaterThan(10_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
