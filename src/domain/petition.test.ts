import { describe, expect, it } from "vitest";
import {
  formatReceiptCode,
  handleInputReason,
  handleStateReason,
  identityOf,
  normalizeReceiptCode,
  publicPetitionSchema,
  RECEIPT_ALPHABET,
  receiptCodeFrom,
  recordPetitionSchema,
  type HandlePetitionInput,
} from "./petition.ts";

describe("receipt codes", () => {
  it("uses 32 characters without look-alikes", () => {
    expect(new Set(RECEIPT_ALPHABET).size).toBe(32);
    for (const c of "IO01") expect(RECEIPT_ALPHABET).not.toContain(c);
  });

  it("takes 12 characters from random bytes, each byte picking one character", () => {
    const bytes = Uint8Array.from({ length: 12 }, (_, i) => i * 33);
    const code = receiptCodeFrom(bytes);
    expect(code).toHaveLength(12);
    expect(code[0]).toBe("A");
    expect(code[1]).toBe("B"); // 33 % 32 = 1
    expect(receiptCodeFrom(new Uint8Array(12).fill(255))).toBe("999999999999");
    expect(() => receiptCodeFrom(new Uint8Array(5))).toThrow();
  });

  it("is shown grouped by four and read back however it was typed", () => {
    expect(formatReceiptCode("ABCDEFGHJKLM")).toBe("ABCD-EFGH-JKLM");
    expect(normalizeReceiptCode("abcd-efgh-jklm")).toBe("ABCDEFGHJKLM");
    expect(normalizeReceiptCode(" ABCD EFGH JKLM ")).toBe("ABCDEFGHJKLM");
    expect(normalizeReceiptCode("ABCD-EFGH-JKL")).toBeNull();
    expect(normalizeReceiptCode("ABCD-EFGH-JKL0")).toBeNull();
    expect(normalizeReceiptCode("' or 1=1 --")).toBeNull();
  });
});

describe("the sender's identity", () => {
  it("is required (name and phone) when the sender gives their name", () => {
    const r = publicPetitionSchema.safeParse({ content: "反映某村干部优亲厚友", anonymous: "false" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["name", "实名举报请填写姓名"],
      ["phone", "实名举报请填写联系电话"],
    ]);
    const bad = recordPetitionSchema.safeParse({
      channel: "call",
      content: "反映问题",
      anonymous: false,
      name: "张三",
      phone: "请回电",
    });
    expect(bad.error?.issues[0]?.message).toBe("请填写有效的联系电话");
  });

  it("is dropped entirely for an anonymous sender, whatever was typed", () => {
    const r = publicPetitionSchema.parse({ content: "反映问题", anonymous: "true", name: "张三", phone: "13800000000" });
    expect(r.anonymous).toBe(true);
    expect(identityOf(r)).toBeNull();
    const named = publicPetitionSchema.parse({
      content: "反映问题",
      anonymous: "false",
      name: " 张三 ",
      phone: "138-0000-0000",
      contact: "",
    });
    expect(identityOf(named)).toEqual({ name: "张三", phone: "138-0000-0000", contact: null });
  });

  it("refuses an empty petition", () => {
    expect(publicPetitionSchema.safeParse({ content: "  ", anonymous: "true" }).error?.issues[0]?.message).toBe("请填写举报内容");
  });
});

describe("handling", () => {
  const input = (h: Partial<HandlePetitionInput>): HandlePetitionInput => ({ status: "handled", version: 1, ...h });

  it("never goes back to received, and a finding or a lead stays one", () => {
    expect(handleStateReason("handling", "received")).toBe("不能把信访举报改回“已收到”");
    expect(handleStateReason("received", "to_lead")).toBeNull();
    expect(handleStateReason("transferred", "handling")).toBeNull();
    expect(handleStateReason("to_finding", "handled")).toBe("该信访举报已转为问题，不能再改为其他办理结果");
    expect(handleStateReason("to_lead", "to_lead")).toBeNull();
  });

  it("needs the finding or the lead when a petition becomes one, but not when it already is", () => {
    expect(handleInputReason("received", input({ status: "to_finding" }))).toBe("转为问题时请填写问题描述和类别");
    expect(handleInputReason("received", input({ status: "to_lead" }))).toBe("转为问题线索时请填写线索类别和摘要");
    expect(handleInputReason("to_lead", input({ status: "to_lead", reply: "已按规定办理" }))).toBeNull();
    expect(
      handleInputReason("handling", input({ status: "to_finding", finding: { text: "问题", category: "core_mandate" } })),
    ).toBeNull();
  });
});
