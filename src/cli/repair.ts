import { EXIT, type Command } from './io.js';

// Placeholder until the stage lands.
export const repairCommand: Command = async (_args, io) => {
  io.stderr.write('arkivtext repair: not available yet\n');
  return EXIT.FAILED;
};
