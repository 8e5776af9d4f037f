/**
 * Every test file runs repair on the rules' raw scores by default (no calibration), so the tests of
 * what a rule does hold whatever the calibration's last refit gave; a test of the calibration passes
 * one explicitly (`calibration: loadCalibration()` for the shipped file). The shipped calibration's
 * effect is checked in dictionaries/repair-model.checks.json (`calibrated` of each probe) and in
 * test/repair-calibration.test.ts. The CLI tests run dist/cli.js, with the shipped calibration.
 */
import { setDefaultCalibration } from '../src/repair/calibration.js';

setDefaultCalibration(null);
