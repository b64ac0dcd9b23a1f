// PDF.js's worker module ships no types; only its presence matters (pdfjs-in-this-thread.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
