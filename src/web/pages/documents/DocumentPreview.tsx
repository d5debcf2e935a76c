/**
 * The document model (server/documents/model.ts) drawn as a page on screen, in the order and styles of GB/T 9704:
 * the red authority mark and number over a red rule, the title, the recipient, the body (headings 一、 in 黑体,
 * （一） in 楷体, paragraphs in 仿宋 indented two characters, tables), the signature and date, the notes, the
 * colophon. A preview: the Word and PDF files are laid out by the server.
 */
import { Typography } from "antd";
import type { CSSProperties } from "react";
import { chineseDate } from "../../../domain/announcement.ts";
import type { PreviewDocument, PreviewBlock } from "./types.ts";

const SERIF = '"FangSong", "STFangsong", "仿宋", "仿宋_GB2312", "Noto Serif CJK SC", "Songti SC", serif';
const SONG = '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "Noto Serif CJK SC", serif';
const HEI = '"SimHei", "STHeiti", "黑体", "Noto Sans CJK SC", sans-serif';
const KAI = '"KaiTi", "STKaiti", "楷体", "Noto Serif CJK SC", serif';
const RED = "#d9001b";

const para: CSSProperties = { margin: 0, textAlign: "justify", lineHeight: 1.8, whiteSpace: "pre-wrap" };

function Block({ b }: { b: PreviewBlock }) {
  switch (b.type) {
    case "heading": {
      const font = b.level === 1 ? HEI : b.level === 2 ? KAI : SERIF;
      return <p style={{ ...para, fontFamily: font, textIndent: "2em", fontWeight: b.level === 3 ? 700 : 400 }}>{b.text}</p>;
    }
    case "paragraph":
      return (
        <p
          style={{
            ...para,
            textIndent: b.indent === false ? 0 : "2em",
            textAlign: b.align ?? "justify",
            fontWeight: b.bold ? 700 : 400,
          }}
        >
          {b.text}
        </p>
      );
    case "table": {
      const total = b.columns.reduce((n, c) => n + c.width, 0) || 1;
      const cell: CSSProperties = { border: "1px solid #000", padding: "2px 4px", fontSize: "0.8em", lineHeight: 1.5 };
      return (
        <div style={{ margin: "8px 0" }}>
          {b.caption && <p style={{ ...para, fontFamily: HEI, textAlign: "center" }}>{b.caption}</p>}
          <table style={{ width: "100%", borderCollapse: "collapse", tableLayout: "fixed" }}>
            <colgroup>
              {b.columns.map((c, i) => (
                <col key={i} style={{ width: `${(c.width / total) * 100}%` }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {b.columns.map((c, i) => (
                  <th key={i} style={{ ...cell, fontFamily: HEI, fontWeight: 400, textAlign: "center" }}>
                    {c.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((v, j) => (
                    <td key={j} style={{ ...cell, textAlign: b.columns[j]?.align ?? "left" }}>
                      {v}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case "pageBreak":
      return <hr style={{ border: 0, borderTop: "1px dashed #bbb", margin: "16px 0" }} />;
  }
}

export function DocumentPreview({ doc }: { doc: PreviewDocument }) {
  const landscape = doc.orientation === "landscape";
  return (
    <div style={{ background: "#f0f0f0", padding: 16, overflow: "auto" }}>
      <article
        data-testid="document-preview"
        style={{
          position: "relative",
          background: "#fff",
          boxShadow: "0 1px 6px rgba(0,0,0,.2)",
          margin: "0 auto",
          width: landscape ? 760 : 540,
          minHeight: landscape ? 537 : 763,
          padding: landscape ? "40px 56px" : "56px 46px",
          fontFamily: SERIF,
          fontSize: 14,
          color: "#000",
        }}
      >
        {(doc.authority || doc.number) && (
          <header style={{ textAlign: "center", marginBottom: 16 }}>
            {doc.authority && (
              <div style={{ color: RED, fontFamily: SONG, fontSize: 24, letterSpacing: 2, lineHeight: 1.4 }}>{doc.authority}</div>
            )}
            {doc.number && <div style={{ marginTop: 12 }}>{doc.number}</div>}
            <div style={{ borderTop: `2px solid ${RED}`, marginTop: 6 }} />
          </header>
        )}
        <h1
          style={{ fontFamily: SONG, fontSize: 20, fontWeight: 400, textAlign: "center", lineHeight: 1.5, margin: "12px 0 16px" }}
        >
          {doc.title}
        </h1>
        {doc.recipient && <p style={{ ...para }}>{doc.recipient}</p>}
        {doc.body.map((b, i) => (
          <Block key={i} b={b} />
        ))}
        {doc.attachments?.map((a, i) => (
          <p key={i} style={{ ...para, textIndent: "2em" }}>
            {i === 0 ? "附件：" : "　　　"}
            {a}
          </p>
        ))}
        {doc.signature && (
          <div style={{ textAlign: "right", marginTop: 28, paddingRight: "4em", lineHeight: 1.8 }}>
            <div>{doc.signature.issuer}</div>
            <div>{chineseDate(doc.signature.date)}</div>
          </div>
        )}
        {doc.notes?.map((n, i) => (
          <p key={i} style={{ ...para, textIndent: "2em" }}>
            {/^[（(]/.test(n) ? n : `（${n}）`}
          </p>
        ))}
        {(doc.cc || doc.printedBy) && (
          <footer style={{ marginTop: 32, borderTop: "1px solid #000", borderBottom: "1px solid #000", fontSize: "0.9em" }}>
            {doc.cc && <p style={{ ...para, padding: "2px 1em" }}>抄送：{doc.cc}</p>}
            {doc.printedBy && (
              <p style={{ ...para, padding: "2px 1em", display: "flex", justifyContent: "space-between" }}>
                <span>{doc.printedBy.issuer}</span>
                <span>{chineseDate(doc.printedBy.date)}印发</span>
              </p>
            )}
          </footer>
        )}
      </article>
      <Typography.Paragraph type="secondary" style={{ textAlign: "center", marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        预览示意；导出的 Word、PDF 文件按党政机关公文格式（GB/T 9704）排版{landscape ? "，横向" : ""}
      </Typography.Paragraph>
    </div>
  );
}
