import { EXIT, type Command } from './io.js';

// Placeholder until the stage lands.
export const extractCommand: Command = async (_args, io) => {
  io.stderr.write('arkivtext extract: not available yet\n');
  return EXIT.FAILED;
};
