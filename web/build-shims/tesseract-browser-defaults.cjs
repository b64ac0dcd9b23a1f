'use strict';

// tesseract.js's browser defaults, without the CDN address it would fetch its worker from
// (a package CDN): offline that fails, and it tells a third party which clinic reads scans.
// ClinicDesk always passes its own workerPath (ocr-assets.ts, served from the app's origin);
// vite.config.ts puts this file in place of the package's src/worker/browser/defaultOptions.js.
// CommonJS, as the file it stands in for: tesseract.js `require`s it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const defaultOptions = require('tesseract.js/src/constants/defaultOptions');

module.exports = { ...defaultOptions, workerPath: undefined };
