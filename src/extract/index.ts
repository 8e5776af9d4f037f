// Filled in by the extract stage.
export {};
