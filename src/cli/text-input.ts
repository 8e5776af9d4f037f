/**
 * Reading the text a command works on — FILE, or standard input for `-` — the same way for every
 * command: UTF-8, what is not UTF-8 read as Windows-1252 or replaced by U+FFFD (see decodeText),
 * and messages that name the file as the user wrote it.
 */
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { ArkivError } from '../errors.js';
import { decodeText, describeInvalidBytes, readTextFile, type DecodedText } from '../normalise/index.js';
import { fileMessage, type CliIO } from './io.js';

export interface TextInput extends DecodedText {
  /** The file as the user named it, or `<stdin>`. */
  name: string;
}

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** FILE relative to the command's working directory, or standard input for `-`. */
export async function readTextInput(file: string, io: CliIO): Promise<TextInput> {
  const name = file === '-' ? '<stdin>' : file;
  const input = file === '-' ? decodeText(await readAll(io.stdin)) : await readTextFile(resolve(io.cwd, file));
  return { name, ...input };
}

/** An error's message without the resolved path an ArkivError starts with, so the caller can name the file as given. */
export function reason(err: unknown): string {
  return err instanceof ArkivError ? err.message.slice(err.file ? err.file.length + 2 : 0) : err instanceof Error ? err.message : String(err);
}

/** The warning every command prints when a file held bytes that are not UTF-8. */
export function invalidBytesWarning(command: string, name: string, decoded: DecodedText): string {
  return fileMessage(command, name, describeInvalidBytes(decoded));
}
