/** Fonts named on every run of the DOCX, the PDF's fonts and their absence, the download's file name. */
import { describe, expect, it } from "vitest";
import { documentFileName, renderDocx, renderPdf } from "../../src/server/documents/index.ts";
import { pdfPageTexts, unzip } from "../support/layout.ts";
import { ledgerDocument, letterDocument } from "./fixtures.ts";

/** Each run of a WordprocessingML part with its east-Asian font and its text. */
function runs(xml: string): { eastAsia: string | null; ascii: string | null; text: string }[] {
  return [...xml.matchAll(/<w:r(?:\s[^>]*)?>([\s\S]*?)<\/w:r>/g)].map((m) => {
    const body = m[1] ?? "";
    const fonts = /<w:rFonts([^>]*)\/>/.exec(body)?.[1] ?? "";
    return {
      eastAsia: /w:eastAsia="([^"]*)"/.exec(fonts)?.[1] ?? null,
      ascii: /w:ascii="([^"]*)"/.exec(fonts)?.[1] ?? null,
      text: [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
    };
  });
}

describe("字体", () => {
  it("names the east-Asian font on every run of the DOCX: 仿宋 body, 小标宋 title, 黑体 and 楷体 headings", async () => {
    const doc = letterDocument({ watermark: { user: "王敏", at: "2026-11-22 09:30" } });
    const parts = unzip(await renderDocx(doc));
    const xml = parts.get("word/document.xml")?.toString("utf8") ?? "";
    const all = runs(xml);
    expect(all.length).toBeGreaterThan(100);
    for (const r of all) {
      expect(r.eastAsia, `“${r.text}”`).toBeTruthy();
      expect(r.ascii, `“${r.text}”`).toBeTruthy();
    }
    const fontOf = (text: string) => all.find((r) => r.text === text)?.eastAsia;
    const firstParagraph = doc.body.find((b) => b.type === "paragraph");
    expect(fontOf(firstParagraph?.type === "paragraph" ? firstParagraph.text : "")).toBe("仿宋_GB2312");
    // The title over two balanced lines, both in 小标宋.
    const title = all.filter((r) => r.text.length > 4 && doc.title.includes(r.text));
    expect(title.map((r) => r.text).join("")).toBe(doc.title);
    for (const r of title) expect(r.eastAsia).toBe("方正小标宋简体");
    expect(fontOf(doc.authority ?? "")).toBe("方正小标宋简体");
    expect(fontOf("一、总体情况")).toBe("黑体");
    expect(fontOf("（一）压实整改责任")).toBe("楷体_GB2312");
    // Headers (the watermark) and footers (page numbers) too.
    const others = [...parts.keys()].filter((k) => /^word\/(header|footer)\d*\.xml$/.test(k));
    expect(others.length).toBeGreaterThanOrEqual(4);
    for (const k of others)
      for (const r of runs(parts.get(k)?.toString("utf8") ?? "")) expect(r.eastAsia, `${k} “${r.text}”`).toBeTruthy();
  });

  it("sets the body on 3号 with a condensed spacing and exact 28.95 pt lines", async () => {
    const xml =
      unzip(await renderDocx(letterDocument()))
        .get("word/document.xml")
        ?.toString("utf8") ?? "";
    const paragraph =
      /<w:p>(?:(?!<\/w:p>)[\s\S])*?坚持把巡察整改作为重大政治任务(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/.exec(xml)?.[0] ?? "";
    expect(paragraph).toContain('w:line="579"');
    expect(paragraph).toContain('w:lineRule="exact"');
    expect(paragraph).toContain('<w:sz w:val="32"/>');
    expect(paragraph).toMatch(/<w:spacing w:val="-\d+"\/>/);
    expect(paragraph).toMatch(/w:firstLine="63\d"/);
  });

  it("embeds the Noto CJK faces in the PDF", async () => {
    const pdf = await renderPdf(ledgerDocument(3));
    const text = pdf.toString("latin1");
    expect(text).toMatch(/NotoSerifCJKsc-Regular/);
    expect(text).toMatch(/NotoSansCJKsc-Regular/);
    expect((await pdfPageTexts(pdf)).join("")).toContain("整改措施");
  });

  it("refuses in Chinese, naming fonts-noto-cjk, when the fonts are missing", async () => {
    const saved = process.env.XUNCHA_CJK_FONT_DIR;
    process.env.XUNCHA_CJK_FONT_DIR = "/nonexistent/fonts";
    try {
      await expect(renderPdf(letterDocument())).rejects.toThrow(/缺少中文字体.*fonts-noto-cjk/);
    } finally {
      if (saved === undefined) delete process.env.XUNCHA_CJK_FONT_DIR;
      else process.env.XUNCHA_CJK_FONT_DIR = saved;
    }
  });
});

describe("文件名", () => {
  it("is the title, safe for a file system and a Content-Disposition header", () => {
    expect(documentFileName(letterDocument({ title: "关于示范镇整改情况的函" }), "docx")).toBe("关于示范镇整改情况的函.docx");
    expect(documentFileName(letterDocument({ title: '台账/2024:"第一轮"*?<>|' }), "pdf")).toBe("台账2024第一轮.pdf");
    expect(documentFileName(letterDocument({ title: "  \n ", kind: "ledger" }), "pdf")).toBe("整改台账.pdf");
    const long = documentFileName(letterDocument({ title: "长".repeat(200) }), "docx");
    expect([...long].length).toBe(80 + ".docx".length);
  });
});
