import { EXIT, type Command } from './io.js';

// Placeholder until the stage lands.
export const normalizeCommand: Command = async (_args, io) => {
  io.stderr.write('arkivtext normalize: not available yet\n');
  return EXIT.FAILED;
};
