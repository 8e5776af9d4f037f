import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The rules are tested on their raw scores (test/setup-raw-scores.ts); the shipped calibration's
    // effect is checked in dictionaries/repair-model.checks.json and test/repair-calibration.test.ts.
    setupFiles: ['test/setup-raw-scores.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // OCR tests are CPU-heavy; two cores, so keep the file-level parallelism modest.
    maxWorkers: 2,
  },
});
