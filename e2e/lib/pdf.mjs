// Small PDFs for the tests, written from scratch: text placed at given
// positions in a non-embedded Adobe CJK font (STSong-Light, UniGB-UCS2-H),
// as many Chinese PDFs are. pdf.js reads their text through its CMaps.

/** `items`: [{x, y, text, size?}] with y from the bottom of an A4 page; `pages`: a list of such lists. */
export function cjkPdf(pages) {
  const hex = (s) => [...s].map((c) => {
    const u = c.codePointAt(0);
    return u > 0xffff ? '003F' : u.toString(16).toUpperCase().padStart(4, '0');
  }).join('');
  const objs = [];
  const add = (o) => objs.push(o) && objs.length;
  const catalog = add(null);
  const pagesObj = add(null);
  const font = add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [FONT_CID 0 R] >>');
  const cid = add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor FONT_DESC 0 R /DW 1000 >>');
  const desc = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  objs[font - 1] = objs[font - 1].replace('FONT_CID', String(cid));
  objs[cid - 1] = objs[cid - 1].replace('FONT_DESC', String(desc));
  const kids = [];
  for (const items of pages) {
    const content = items.map((it) => `BT /F1 ${it.size || 10.5} Tf 1 0 0 1 ${it.x} ${it.y} Tm <${hex(it.text)}> Tj ET`).join('\n');
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objs[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A 2014–2018 report: a title, a sentence and the statistics table as positioned cells. */
export function reportPdf() {
  const rows = [
    ['统计指标', '单位', '统计数'],
    ['一、主动公开情况', '', ''],
    ['（一）主动公开政府信息数', '条', '1520'],
    ['三、依申请公开情况', '', ''],
    ['（一）收到申请数', '件', '36'],
    ['1.当面申请数', '件', '10'],
    ['2.传真申请数', '件', '0'],
    ['3.网络申请数', '件', '20'],
    ['4.信函申请数', '件', '6'],
    ['（二）申请办结数', '件', '35'],
    ['四、行政复议数量', '件', '2'],
    ['五、行政诉讼数量', '件', '1'],
  ];
  const items = [
    { x: 120, y: 790, text: '测试县人民政府2016年政府信息公开工作年度报告', size: 14 },
    { x: 60, y: 760, text: '本报告中所列数据的统计期限自2016年1月1日起至2016年12月31日止。' },
  ];
  rows.forEach((r, i) => {
    const y = 720 - i * 20;
    items.push({ x: 60, y, text: r[0] });
    if (r[1]) items.push({ x: 330, y, text: r[1] });
    if (r[2]) items.push({ x: 420, y, text: r[2] });
  });
  return cjkPdf([items]);
}

/** A PDF whose only page has no text (as a scan has none). */
export function blankPdf() {
  return cjkPdf([[]]);
}
