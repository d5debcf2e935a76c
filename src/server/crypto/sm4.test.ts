import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decrypt, encrypt, keyedHash, parseKeyHex, sm4Key } from "./sm4.ts";

const KEY = parseKeyHex("0123456789abcdeffedcba9876543210", "test");
const OTHER = parseKeyHex("00112233445566778899aabbccddeeff", "test");
const IDENTITY = JSON.stringify({ name: "张三", phone: "13800000000", contact: "某县某镇某村3组" });
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "xuncha-sm4-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("SM4 encryption of identities", () => {
  it("round-trips Chinese text, and hides it", () => {
    const box = encrypt(IDENTITY, KEY);
    expect(box).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(box).not.toContain("张三");
    expect(Buffer.from(box.split(":")[2]!, "base64").toString("utf8")).not.toContain("张三");
    expect(decrypt(box, KEY)).toBe(IDENTITY);
  });

  it("gives a different cipher text each time (random IV)", () => {
    expect(encrypt(IDENTITY, KEY)).not.toBe(encrypt(IDENTITY, KEY));
  });

  it("matches the SM4 standard's test vector (GB/T 32907 A.1) on its first block", async () => {
    const { createCipheriv } = await import("node:crypto");
    const c = createCipheriv("sm4-ecb", KEY, null).setAutoPadding(false);
    const out = Buffer.concat([c.update(Buffer.from("0123456789abcdeffedcba9876543210", "hex")), c.final()]);
    expect(out.toString("hex")).toBe("681edf34d206965e86b3e94f536e4246");
  });

  it("detects tampering with the cipher text, the IV or the MAC", () => {
    const box = encrypt(IDENTITY, KEY);
    const [v, iv, cipher, mac] = box.split(":") as [string, string, string, string];
    const flip = (b64: string) => {
      const b = Buffer.from(b64, "base64");
      b[0] = b[0]! ^ 1;
      return b.toString("base64");
    };
    for (const bad of [
      [v, iv, flip(cipher), mac],
      [v, flip(iv), cipher, mac],
      [v, iv, cipher, flip(mac)],
      [v, iv, cipher, ""],
    ]) {
      expect(() => decrypt(bad.join(":"), KEY)).toThrow("密文校验失败");
    }
    expect(() => decrypt(`v2:${iv}:${cipher}:${mac}`, KEY)).toThrow("密文格式无效");
    expect(() => decrypt("张三", KEY)).toThrow("密文格式无效");
  });

  it("refuses a wrong key", () => {
    expect(() => decrypt(encrypt(IDENTITY, KEY), OTHER)).toThrow("密文校验失败");
  });

  it("keyed hashes depend on the key and the purpose", () => {
    const h = keyedHash(KEY, "client", "10.0.0.1");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash(KEY, "client", "10.0.0.1")).toBe(h);
    expect(keyedHash(OTHER, "client", "10.0.0.1")).not.toBe(h);
    expect(keyedHash(KEY, "other", "10.0.0.1")).not.toBe(h);
    expect(keyedHash(KEY, "client", "10.0.0.2")).not.toBe(h);
  });
});

describe("the installation's key", () => {
  it("is made on first use in <dataDir>/keys/sm4.key, readable by its owner only, and kept", () => {
    const dir = tempDir();
    const key = sm4Key(dir, {});
    const file = path.join(dir, "keys", "sm4.key");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8").trim()).toBe(key.toString("hex"));
    expect(key.length).toBe(16);
    expect(sm4Key(dir, {}).equals(key)).toBe(true);
  });

  it("reads an existing key file", () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "keys"));
    fs.writeFileSync(path.join(dir, "keys", "sm4.key"), "00112233445566778899AABBCCDDEEFF\n");
    expect(sm4Key(dir, {}).equals(OTHER)).toBe(true);
  });

  it("prefers XUNCHA_SM4_KEY and refuses a malformed one", () => {
    const dir = tempDir();
    expect(sm4Key(dir, { XUNCHA_SM4_KEY: "0123456789abcdeffedcba9876543210" }).equals(KEY)).toBe(true);
    expect(fs.existsSync(path.join(dir, "keys"))).toBe(false);
    expect(() => sm4Key(dir, { XUNCHA_SM4_KEY: "short" })).toThrow("不是有效的 SM4 密钥");
  });
});
