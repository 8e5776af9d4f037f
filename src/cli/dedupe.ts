import { EXIT, type Command } from './io.js';

// Placeholder until the stage lands.
export const dedupeCommand: Command = async (_args, io) => {
  io.stderr.write('arkivtext dedupe: not available yet\n');
  return EXIT.FAILED;
};
