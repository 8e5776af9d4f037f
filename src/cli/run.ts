import { EXIT, type Command } from './io.js';

// Placeholder until the stage lands.
export const runCommand: Command = async (_args, io) => {
  io.stderr.write('arkivtext run: not available yet\n');
  return EXIT.FAILED;
};
