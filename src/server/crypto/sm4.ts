/**
 * SM4 encryption of small secrets (a petition sender's identity): SM4-CBC with a random IV, then HMAC-SM3 over the
 * IV and cipher text (encrypt-then-MAC), so a changed byte or a wrong key is refused before anything is decrypted.
 *
 * The key is XUNCHA_SM4_KEY (32 hex characters) or else <dataDir>/keys/sm4.key, made on first use, readable by the
 * server's user only. Losing the key loses the identities: it belongs in the backup, kept apart from the database.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const VERSION = "v1";
const KEY_HEX = /^[0-9a-fA-F]{32}$/;

export class Sm4Error extends Error {}

export function parseKeyHex(hex: string, where: string): Buffer {
  const trimmed = hex.trim();
  if (!KEY_HEX.test(trimmed)) throw new Sm4Error(`${where} 不是有效的 SM4 密钥（应为 32 位十六进制字符）`);
  return Buffer.from(trimmed, "hex");
}

/** Separate keys for separate uses, derived from the one SM4 key. */
const derive = (key: Buffer, label: string): Buffer => createHmac("sm3", key).update(`xuncha/${label}`).digest();

const macOf = (key: Buffer, iv: Buffer, cipher: Buffer): Buffer =>
  createHmac("sm3", derive(key, "sm4-mac/v1")).update(iv).update(cipher).digest();

/** "v1:" + base64(iv) + ":" + base64(cipher) + ":" + base64(HMAC-SM3(mac key, iv | cipher)). */
export function encrypt(plain: string, key: Buffer): string {
  const iv = randomBytes(16);
  const c = createCipheriv("sm4-cbc", key, iv);
  const cipher = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return [VERSION, iv.toString("base64"), cipher.toString("base64"), macOf(key, iv, cipher).toString("base64")].join(":");
}

export function decrypt(box: string, key: Buffer): string {
  const parts = box.split(":");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Sm4Error("密文格式无效");
  const [iv, cipher, mac] = parts.slice(1).map((p) => Buffer.from(p, "base64")) as [Buffer, Buffer, Buffer];
  const expected = macOf(key, iv, cipher);
  if (iv.length !== 16 || mac.length !== expected.length || !timingSafeEqual(mac, expected)) {
    throw new Sm4Error("密文校验失败：内容已被篡改或密钥不符");
  }
  const d = createDecipheriv("sm4-cbc", key, iv);
  return Buffer.concat([d.update(cipher), d.final()]).toString("utf8");
}

/** A keyed SM3 digest (hex) of `data` for one purpose, e.g. a client address for rate limiting. */
export function keyedHash(key: Buffer, purpose: string, data: string): string {
  return createHmac("sm3", derive(key, `hash/${purpose}`))
    .update(data)
    .digest("hex");
}

const cache = new Map<string, Buffer>();

/** Reads the key file, or makes it (mode 0600) when there is none yet. */
function fileKey(dataDir: string): Buffer {
  const file = path.join(dataDir, "keys", "sm4.key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, `${randomBytes(16).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    } catch (e) {
      // Another process made it at the same moment: use theirs.
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  return parseKeyHex(fs.readFileSync(file, "utf8"), file);
}

/** The SM4 key of this installation: the environment's, or the data directory's key file. */
export function sm4Key(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.XUNCHA_SM4_KEY) return parseKeyHex(env.XUNCHA_SM4_KEY, "XUNCHA_SM4_KEY");
  let key = cache.get(dataDir);
  if (!key) {
    key = fileKey(dataDir);
    cache.set(dataDir, key);
  }
  return key;
}
