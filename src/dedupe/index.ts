// Filled in by the dedupe stage.
export {};
