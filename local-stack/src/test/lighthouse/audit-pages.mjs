// Lighthouse on several pages in one Chromium, one after the other: what LighthouseIT runs.
//   node audit-pages.mjs <lighthouse's node_modules> <report directory> <name>=<url> ...
// Writes <name>.report.json and <name>.report.html per page. CHROME_PATH names the browser.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

const [modules, reports, ...pages] = process.argv.slice(2);
const load = (module, file) => import(pathToFileURL(join(modules, module, file)).href);
const {default: lighthouse} = await load('lighthouse', 'core/index.js');
const chromeLauncher = await load('chrome-launcher', 'dist/index.js');

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});
try {
  for (const page of pages) {
    const separator = page.indexOf('=');
    const name = page.slice(0, separator);
    const url = page.slice(separator + 1);
    const result = await lighthouse(url, {
      port: chrome.port,
      output: ['json', 'html'],
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      disableFullPageScreenshot: true,
      logLevel: 'error',
    });
    writeFileSync(join(reports, `${name}.report.json`), result.report[0]);
    writeFileSync(join(reports, `${name}.report.html`), result.report[1]);
  }
} finally {
  await chrome.kill();
}
