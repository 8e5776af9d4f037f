// Filled in by the repair stage.
export {};
