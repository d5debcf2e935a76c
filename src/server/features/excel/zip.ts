/**
 * Just enough of the zip format to count the rows of each worksheet of an .xlsx before parsing it, so the
 * import's progress can say "正在解析 3200/100000 行". Reads the central directory, inflates one entry as a stream.
 */
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function entries(buf: Buffer): Map<string, Entry> {
  const out = new Map<string, Entry>();
  // The end-of-central-directory record sits in the last 64 KiB (its comment is at most 65535 bytes).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count && p + 46 <= buf.length && buf.readUInt32LE(p) === CENTRAL; i++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen).replace(/^\//, "");
    out.set(name, {
      name,
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      offset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function open(buf: Buffer, e: Entry): Readable {
  if (buf.readUInt32LE(e.offset) !== LOCAL) throw new Error("bad local header");
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  const data = Readable.from([buf.subarray(start, start + e.compressedSize)]);
  if (e.method === 0) return data;
  if (e.method === 8) return data.pipe(createInflateRaw());
  throw new Error(`unsupported zip method ${e.method}`);
}

async function text(buf: Buffer, e: Entry | undefined): Promise<string> {
  if (!e) return "";
  const parts: Buffer[] = [];
  for await (const chunk of open(buf, e)) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

/** Occurrences of <row …> (with or without a namespace prefix), counted across chunk boundaries. */
async function countRows(buf: Buffer, e: Entry): Promise<number> {
  let n = 0;
  let tail = "";
  for await (const chunk of open(buf, e)) {
    const s = tail + (chunk as Buffer).toString("latin1");
    n += s.match(/<(?:\w+:)?row[\s>]/g)?.length ?? 0;
    // Keep an incomplete tag's start for the next chunk (and never count a match twice).
    const cut = s.lastIndexOf("<");
    tail = cut >= 0 && s.length - cut < 12 && !/^<(?:\w+:)?row[\s>]/.test(s.slice(cut)) ? s.slice(cut) : "";
  }
  return n;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Rows (<row> elements) of each worksheet, by sheet name; empty when the file cannot be read this way. */
export async function sheetRowCounts(buf: Buffer): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  try {
    const all = entries(buf);
    const workbook = await text(buf, all.get("xl/workbook.xml"));
    const rels = await text(buf, all.get("xl/_rels/workbook.xml.rels"));
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
      const id = attr(m[0], "Id");
      const target = attr(m[0], "Target");
      if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    }
    for (const m of workbook.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
      const name = attr(m[0], "name");
      const rid = attr(m[0], "r:id") ?? /\s\w+:id="([^"]*)"/.exec(m[0])?.[1];
      const entry = rid ? all.get(targets.get(rid) ?? "") : undefined;
      if (name && entry) counts.set(unescape(name), await countRows(buf, entry));
    }
  } catch {
    counts.clear();
  }
  return counts;
}
