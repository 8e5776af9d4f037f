// Filled in by the normalise stage.
export {};
