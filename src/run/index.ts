// Filled in by the run stage.
export {};
