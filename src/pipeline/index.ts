// Filled in by the extraction stage: pages → normalise → repair.
export {};
