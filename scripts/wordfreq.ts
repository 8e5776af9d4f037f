// Reads a wordfreq frequency list (github.com/rspeer/wordfreq, `wordfreq/data/*.msgpack.gz`): a
// gzipped MessagePack array [header, bucket 0, bucket 1, …], where bucket i holds the words of
// frequency 10^(−i/100) (centibels). Only what those files use is read: arrays, maps, strings,
// integers, floats, nil and booleans.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** A MessagePack value of the kinds wordfreq writes. */
export type Packed = null | boolean | number | string | Packed[] | { [key: string]: Packed };

/** Decodes one MessagePack value from the start of `buf`. */
export function unpack(buf: Buffer): Packed {
  let p = 0;
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const byte = (): number => buf[p++]!;
  const str = (n: number): string => {
    const s = buf.toString('utf8', p, p + n);
    p += n;
    return s;
  };
  const arr = (n: number): Packed[] => {
    const a = new Array<Packed>(n);
    for (let i = 0; i < n; i++) a[i] = read();
    return a;
  };
  const map = (n: number): { [key: string]: Packed } => {
    const m: { [key: string]: Packed } = {};
    for (let i = 0; i < n; i++) {
      const k = read();
      m[String(k)] = read();
    }
    return m;
  };
  const u16 = (): number => {
    p += 2;
    return dv.getUint16(p - 2);
  };
  const u32 = (): number => {
    p += 4;
    return dv.getUint32(p - 4);
  };
  function read(): Packed {
    const b = byte();
    if (b <= 0x7f) return b;
    if (b >= 0xe0) return b - 256;
    if ((b & 0xe0) === 0xa0) return str(b & 0x1f);
    if ((b & 0xf0) === 0x90) return arr(b & 0x0f);
    if ((b & 0xf0) === 0x80) return map(b & 0x0f);
    switch (b) {
      case 0xc0: return null;
      case 0xc2: return false;
      case 0xc3: return true;
      case 0xcc: return byte();
      case 0xcd: return u16();
      case 0xce: return u32();
      case 0xd0: p += 1; return dv.getInt8(p - 1);
      case 0xd1: p += 2; return dv.getInt16(p - 2);
      case 0xd2: p += 4; return dv.getInt32(p - 4);
      case 0xd9: return str(byte());
      case 0xda: return str(u16());
      case 0xdb: return str(u32());
      case 0xdc: return arr(u16());
      case 0xdd: return arr(u32());
      case 0xde: return map(u16());
      case 0xdf: return map(u32());
      case 0xcb: p += 8; return dv.getFloat64(p - 8);
      default: throw new Error(`msgpack byte 0x${b.toString(16)} at ${p - 1} not supported`);
    }
  }
  return read();
}

/** The buckets of a wordfreq file: `buckets[cb]` holds the words of frequency 10^(−cb/100) (the file's list less its header). */
export function readWordfreq(path: string): string[][] {
  const packed = unpack(gunzipSync(readFileSync(path)));
  if (!Array.isArray(packed)) throw new Error(`${path}: not a wordfreq list (no top-level array)`);
  const [header, ...buckets] = packed;
  if (typeof header !== 'object' || header === null || Array.isArray(header) || header.format !== 'cB') {
    throw new Error(`${path}: unexpected wordfreq header ${JSON.stringify(header)}`);
  }
  return buckets.map((bucket, cb) => {
    if (!Array.isArray(bucket) || !bucket.every((w) => typeof w === 'string')) throw new Error(`${path}: bucket ${cb} is not a list of words`);
    return bucket as string[];
  });
}
