// Reports in legacy Chinese encodings (GB18030/GB2312 and Big5) for the
// tests: plain text, HTML with a declared charset, MHTML with a gb2312
// quoted-printable part, a text over the 64 KB detection sample, and a .docx
// (always UTF-8 XML) in the same batch. The CLI decodes them with encoding_rs,
// the page with the browser's TextDecoder; the reports must be the same.
//
// The bytes are made here: an encoder of two-byte codes inverted from
// TextDecoder's tables (ASCII stays one byte), so no fixture files are
// shipped. A character without a two-byte code throws.
import { SAMPLES } from './helpers.mjs';
import { docx } from './docx.mjs';
import fs from 'node:fs';
import path from 'node:path';

const tables = new Map();

/** Character → its two-byte code, for `label` ("gb18030" or "big5"). */
function table(label) {
  if (tables.has(label)) return tables.get(label);
  const dec = new TextDecoder(label);
  const map = new Map();
  // Big5 without the HKSCS lead bytes (0x81–0xA0, 0xFA–0xFE): the standard table.
  const [lo, hi] = label === 'big5' ? [0xa1, 0xf9] : [0x81, 0xfe];
  for (let lead = lo; lead <= hi; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f || (label === 'big5' && trail > 0x7e && trail < 0xa1)) continue;
      const s = dec.decode(Uint8Array.of(lead, trail));
      if (s.length === 1 && s !== '\ufffd' && !map.has(s)) map.set(s, [lead, trail]);
    }
  }
  tables.set(label, map);
  return map;
}

/** `text` in GB18030 (`label` "gb18030") or Big5 (`label` "big5"). */
export function encode(text, label) {
  const map = table(label);
  const out = [];
  for (const c of text) {
    const cp = c.codePointAt(0);
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const code = map.get(c);
    if (!code) throw new Error(`${label} has no two-byte code for ${c} (U+${cp.toString(16)})`);
    out.push(...code);
  }
  return Buffer.from(out);
}

/** Quoted-printable (bytes ≥ 0x80 and `=` escaped; lines left as they are). */
function quotedPrintable(bytes) {
  let s = '';
  for (const b of bytes) s += b >= 0x80 || b === 0x3d ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
  return s;
}

// A made-up 2014–2018 report in traditional characters (as a Big5 site would publish it).
const TRADITIONAL = [
  '示例縣人民政府2017年政府信息公開工作年度報告',
  '本年度報告根據《中華人民共和國政府信息公開條例》要求編製，所列數據的統計期限自2017年1月1日起至2017年12月31日止。',
  '一、概述',
  '2017年，全縣主動公開政府信息4235條。全年共受理政府信息公開申請25件，均已按時辦理答覆。',
  '二、政府信息公開的收費及減免情況',
  '全年未收取任何費用。',
];
const TRADITIONAL_TABLE = [
  ['統計指標', '單位', '統計數'],
  ['一、主動公開情況', '', ''],
  ['（一）主動公開政府信息數', '條', '4235'],
  ['三、依申請公開情況', '', ''],
  ['（一）收到申請數', '件', '25'],
  ['1.當面申請數', '件', '10'],
  ['3.網絡申請數', '件', '15'],
  ['（三）申請答覆數', '件', '25'],
  ['四、行政複議數量', '件', '1'],
  ['七、依申請公開信息收取的費用', '萬元', '0'],
];

const read = (name) => fs.readFileSync(path.join(SAMPLES, name), 'utf8');

/** The legacy-encoded files, with the encoding the core must report: [{name, bytes, encoding}]. */
export function legacyFiles() {
  const text23 = read('e21-2023-yangben-city.txt');
  const html19 = read('e19-2019-yanshi-district.html');
  if (!html19.includes('<meta charset="utf-8">')) throw new Error('the 2019 sample no longer declares utf-8');
  const gbHtml = html19.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
  // Over the 64 KB sample the detection reads: chosen on the sample, decoded whole.
  const text17 = read('e14-2017-shili-county.txt');
  const filler = '全年通过政府门户网站发布各类信息，及时回应社会关切，做到应公开尽公开。\n'.repeat(1400);
  const big = encode(`${text17}\n${filler}`, 'gb18030');
  if (big.length < 80 * 1024) throw new Error('the big report is too small');
  const trad = `${TRADITIONAL.join('\n')}\n${TRADITIONAL_TABLE.map((r) => r.join('\t')).join('\n')}\n`;
  const b5Html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"><title>${TRADITIONAL[0]}</title></head><body>\n${TRADITIONAL.map((p) => `<p>${p}</p>`).join('\n')}\n<table>${TRADITIONAL_TABLE.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}</table></body></html>\n`;
  const mhtml = [
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; boundary="----=_NextPart_01"',
    '',
    'This is a multi-part message in MIME format.',
    '',
    '------=_NextPart_01',
    'Content-Type: text/html;',
    '\tcharset="gb2312"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(encode(gbHtml.replace(/<meta [^>]*charset=gb2312">/, ''), 'gb18030')),
    '------=_NextPart_01',
    'Content-Type: image/gif',
    'Content-Transfer-Encoding: base64',
    '',
    'R0lGODlh',
    '------=_NextPart_01--',
    '',
  ].join('\r\n');
  return [
    { name: 'gb18030.txt', bytes: encode(text23, 'gb18030'), encoding: 'gb18030' },
    { name: 'gb2312.html', bytes: encode(gbHtml, 'gb18030'), encoding: 'gb18030' },
    { name: 'gb18030-big.txt', bytes: big, encoding: 'gb18030' },
    { name: 'gb2312.mht', bytes: Buffer.from(mhtml, 'latin1'), encoding: 'gb18030' },
    { name: 'big5.txt', bytes: encode(trad, 'big5'), encoding: 'big5' },
    { name: 'big5.html', bytes: encode(b5Html, 'big5'), encoding: 'big5' },
    { name: 'traditional.docx', bytes: docx([...TRADITIONAL, TRADITIONAL_TABLE]), encoding: 'utf-8' },
  ];
}
