//! Synthetic reports for the benchmark (when `../shared/corpus` is absent)
//! and the robustness tests. Not real reports: they follow the official
//! templates (E21 tables 二/三/四, the E14 统计表) with made-up, internally
//! consistent numbers, so every reader path has something to do.
#![allow(dead_code)]

/// A tiny deterministic PRNG (xorshift64*), so inputs are the same each run.
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> Self {
        XorShift(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(len + 8);
        while out.len() < len {
            out.extend_from_slice(&self.next_u64().to_le_bytes());
        }
        out.truncate(len);
        out
    }
}

const AGENCIES: &[&str] = &[
    "某某市人民政府办公室",
    "某某县教育局",
    "某某区市场监督管理局",
    "某某镇人民政府",
    "某某市自然资源和规划局",
];

/// An E21 report (2021 template) as plain text, table cells separated by tabs.
pub fn e21_report(seed: u64) -> String {
    let mut r = XorShift::new(seed);
    let agency = AGENCIES[r.below(AGENCIES.len() as u64) as usize];
    let year = 2021 + r.below(4) as i32;
    let mut n = |max: u64| r.below(max);
    let mut s = String::new();
    s.push_str(&format!("{agency}{year}年政府信息公开工作年度报告\n"));
    s.push_str(&format!(
        "本报告依据《中华人民共和国政府信息公开条例》第五十条编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。\n"
    ));
    s.push_str("一、总体情况\n");
    s.push_str(&format!(
        "{year}年，{agency}坚持以人民为中心，全年主动公开政府信息{}条，收到政府信息公开申请@RECEIVED@件，全年收取政府信息公开信息处理费0元。\n",
        1000 + n(5000)
    ));
    s.push_str("（一）主动公开\n围绕重点领域信息公开，及时发布政策文件与解读材料。\n");
    s.push_str("二、主动公开政府信息情况\n");
    s.push_str("第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n");
    s.push_str(&format!("规章\t{}\t{}\t{}\n", n(5), n(3), 10 + n(20)));
    s.push_str(&format!(
        "行政规范性文件\t{}\t{}\t{}\n",
        n(30),
        n(20),
        30 + n(80)
    ));
    s.push_str("第二十条第（五）项\n信息内容\t本年处理决定数量\n");
    s.push_str(&format!("行政许可\t{}\n", n(500_000)));
    s.push_str("第二十条第（六）项\n信息内容\t本年处理决定数量\n");
    s.push_str(&format!(
        "行政处罚\t{}\n行政强制\t{}\n",
        n(100_000),
        n(10_000)
    ));
    s.push_str("第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n");
    s.push_str(&format!("行政事业性收费\t{}.{}\n", n(100_000), n(10)));

    s.push_str("三、收到和处理政府信息公开申请情况\n");
    s.push_str(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n",
    );
    s.push_str("\t自然人\t法人或其他组织\t\t\t\t\t总计\n");
    s.push_str("\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n");
    let rows: &[&str] = &[
        "（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开\t1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
        "（四）无法提供\t1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
        "（五）不予处理\t1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    ];
    // results[row][col], 6 applicant columns; totals computed.
    let mut results = Vec::new();
    for i in 0..rows.len() {
        let big = i < 2 || i == 10;
        let cells: Vec<u64> = (0..6)
            .map(|c| {
                if big || c == 0 {
                    n(if big { 40 } else { 4 })
                } else {
                    n(2)
                }
            })
            .collect();
        results.push(cells);
    }
    let mut results_total = [0u64; 6];
    for row in &results {
        for c in 0..6 {
            results_total[c] += row[c];
        }
    }
    let carried_forward: Vec<u64> = (0..6).map(|_| n(3)).collect();
    let carried_over: Vec<u64> = (0..6).map(|c| carried_forward[c].min(1)).collect();
    let new_received: Vec<u64> = (0..6)
        .map(|c| results_total[c] + carried_forward[c] - carried_over[c])
        .collect();
    let line = |label: &str, cells: &[u64]| {
        let total: u64 = cells.iter().sum();
        let mut l = label.to_string();
        for c in cells {
            l.push_str(&format!("\t{c}"));
        }
        l.push_str(&format!("\t{total}\n"));
        l
    };
    let received: u64 = new_received.iter().sum();
    s = s.replace("@RECEIVED@", &received.to_string());
    s.push_str(&line("一、本年新收政府信息公开申请数量", &new_received));
    s.push_str(&line("二、上年结转政府信息公开申请数量", &carried_over));
    for (i, label) in rows.iter().enumerate() {
        let label = if i == 0 {
            format!("三、本年度办理结果\t{label}")
        } else {
            label.to_string()
        };
        s.push_str(&line(&label, &results[i]));
    }
    s.push_str(&line("（七）总计", &results_total));
    s.push_str(&line("四、结转下年度继续办理", &carried_forward));

    s.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
    s.push_str("行政复议\t\t\t\t\t行政诉讼\n");
    s.push_str(
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n",
    );
    let mut cells = Vec::new();
    for _ in 0..3 {
        let v: Vec<u64> = (0..4).map(|_| n(4)).collect();
        let t: u64 = v.iter().sum();
        cells.extend(v);
        cells.push(t);
    }
    s.push_str(
        &cells
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join("\t"),
    );
    s.push('\n');
    s.push_str("五、存在的主要问题及改进情况\n");
    s.push_str(
        "一是公开内容的规范性有待提高；二是政策解读形式较为单一。下一步，将进一步加强培训。\n",
    );
    s.push_str("六、其他需要报告的事项\n");
    s.push_str(&format!("本机关{year}年度未收取信息处理费。\n"));
    s.push_str(&format!("{agency}\n{}年3月{}日\n", year + 1, 1 + n(28)));
    s
}

/// An E14 report (2014–2018): narrative plus the national 统计表.
pub fn e14_report(seed: u64) -> String {
    let mut r = XorShift::new(seed ^ 0x9E37_79B9_7F4A_7C15);
    let agency = AGENCIES[r.below(AGENCIES.len() as u64) as usize];
    let year = 2014 + r.below(5) as i32;
    let mut n = |max: u64| r.below(max);
    let (a, b, c, d) = (n(20), n(5), n(50), n(10));
    let received = a + b + c + d;
    let mut s = String::new();
    s.push_str(&format!("{agency}{year}年政府信息公开工作年度报告\n"));
    s.push_str("一、概述\n");
    s.push_str(&format!(
        "{year}年，本机关共收到政府信息公开申请{received}件，其中当面申请{a}件，传真申请{b}件，网络申请{c}件，信函申请{d}件。全年未收取任何费用。\n"
    ));
    s.push_str("二、主动公开政府信息的情况\n");
    s.push_str(&format!("全年主动公开政府信息约{}余条。\n", 100 + n(900)));
    s.push_str("政府信息公开情况统计表\n统计指标\t单位\t统计数\n一、主动公开情况\t-\t-\n");
    s.push_str(&format!(
        "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）\t条\t{}\n",
        500 + n(500)
    ));
    s.push_str(&format!("其中：主动公开规范性文件数\t条\t{}\n", n(40)));
    s.push_str("三、依申请公开情况\t-\t-\n");
    s.push_str(&format!("（一）收到申请数\t件\t{received}\n1.当面申请数\t件\t{a}\n2.传真申请数\t件\t{b}\n3.网络申请数\t件\t{c}\n4.信函申请数\t件\t{d}\n"));
    s.push_str(&format!(
        "四、行政复议数量\t件\t{}\n五、行政诉讼数量\t件\t{}\n",
        n(3),
        n(3)
    ));
    s.push_str(&format!("七、依申请公开信息收取的费用\t万元\t0\n八、机构建设和保障经费情况\t-\t-\n（三）从事政府信息公开工作人员数\t人\t{}\n", 1 + n(9)));
    s.push_str(&format!("{agency}\n{}年3月{}日\n", year + 1, 1 + n(28)));
    s
}

/// A few synthetic reports of both eras.
pub fn corpus(count: usize) -> Vec<(String, Vec<u8>)> {
    (0..count as u64)
        .map(|i| {
            if i % 2 == 0 {
                (
                    format!("synthetic-e21-{i}.txt"),
                    e21_report(i + 1).into_bytes(),
                )
            } else {
                (
                    format!("synthetic-e14-{i}.txt"),
                    e14_report(i + 1).into_bytes(),
                )
            }
        })
        .collect()
}

// ===================================================================== batch
//
// The synthetic batch: any number of varied reports, each with the values
// it states (its truth), deterministically from a seed. Three templates
// (E14 narrative + 统计表, E19 tables 二/三/四, E21 tables 二/三/四), random
// agencies and years, random but internally consistent numbers (every
// identity of checks.tsv holds), and six layouts of the same content: tab
// rows, one cell per line, cells separated by spaces, markdown pipes, HTML
// (merged cells as colspan/rowspan) and Word .docx (gridSpan/vMerge).

/// The seed of the published batch (BENCHMARKS.md, tests/synthetic.rs).
pub const BATCH_SEED: u64 = 0x0615_2025;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Era {
    E14,
    E19,
    E21,
}

impl Era {
    pub fn as_str(self) -> &'static str {
        match self {
            Era::E14 => "E14",
            Era::E19 => "E19",
            Era::E21 => "E21",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layout {
    /// One row per line, cells separated by tabs, a merged cell once.
    Tabs,
    /// Tabs, a merged cell followed by empty cells for the columns and rows
    /// it covers (as a spreadsheet's copy gives it).
    TabsFilled,
    /// Every cell on a line of its own (a table pasted from a PDF).
    CellPerLine,
    /// One row per line, cells separated by runs of spaces.
    Spaces,
    /// Markdown pipe tables.
    Pipes,
    /// An HTML page, tables with colspan/rowspan.
    Html,
    /// A Word document, tables with gridSpan/vMerge.
    Docx,
    /// A PDF's text layer: positioned text items (the record format of
    /// `pdf_records.rs`; read them with `pdf_records::items` and give them
    /// to `extract_pdf_items`). Tables drawn on a grid: long cell text
    /// wrapped inside its cell, merged cells centred over what they span,
    /// page breaks inside tables, page numbers; sometimes text cut into
    /// items of a few characters.
    PdfItems,
}

impl Layout {
    pub const ALL: [Layout; 8] = [
        Layout::Tabs,
        Layout::TabsFilled,
        Layout::CellPerLine,
        Layout::Spaces,
        Layout::Pipes,
        Layout::Html,
        Layout::Docx,
        Layout::PdfItems,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Tabs => "tabs",
            Layout::TabsFilled => "tabs-filled",
            Layout::CellPerLine => "cell-per-line",
            Layout::Spaces => "spaces",
            Layout::Pipes => "pipes",
            Layout::Html => "html",
            Layout::Docx => "docx",
            Layout::PdfItems => "pdf-items",
        }
    }
    fn ext(self) -> &'static str {
        match self {
            Layout::Pipes => "md",
            Layout::Html => "html",
            Layout::Docx => "docx",
            Layout::PdfItems => "items",
            _ => "txt",
        }
    }
}

/// One generated report and what it states.
#[derive(Debug, Clone)]
pub struct Generated {
    /// A file name (`synthetic-000042-E21-pipes.md`): its extension is the
    /// format hint.
    pub name: String,
    pub bytes: Vec<u8>,
    pub era: Era,
    pub layout: Layout,
    pub agency: String,
    pub year: i32,
    /// `utf-8` or `gb18030` (the bytes' encoding).
    pub encoding: &'static str,
    /// Every value the document states, by field id (tables and narrative
    /// agree, so each id has one value).
    pub truth: Vec<(String, f64)>,
}

/// Report `index` of the batch `seed`.
pub fn generate(seed: u64, index: u64) -> Generated {
    let mut g = Gen::new(splitmix(seed ^ splitmix(index.wrapping_add(1))));
    let era = match g.r.below(100) {
        0..=29 => Era::E14,
        30..=54 => Era::E19,
        _ => Era::E21,
    };
    let weights: [u64; 8] = match era {
        // tabs, tabs-filled, cell-per-line, spaces, pipes, html, docx, pdf-items
        Era::E14 => [20, 10, 20, 10, 10, 20, 10, 10],
        Era::E19 => [10, 5, 10, 5, 10, 45, 15, 10],
        Era::E21 => [20, 10, 15, 5, 25, 15, 10, 10],
    };
    let mut pick = g.r.below(weights.iter().sum());
    let mut layout = Layout::Tabs;
    for (l, w) in Layout::ALL.iter().zip(weights) {
        if pick < w {
            layout = *l;
            break;
        }
        pick -= w;
    }
    g.layout = layout;
    // Blank zero cells in table 三 only where a blank cell survives.
    g.blank_zeros = matches!(
        layout,
        Layout::Tabs | Layout::TabsFilled | Layout::Pipes | Layout::Html | Layout::Docx
    ) && g.r.below(3) == 0;
    g.fill_merged = layout == Layout::TabsFilled;
    g.full_width = !matches!(layout, Layout::Docx | Layout::PdfItems) && g.r.below(10) == 0;
    g.thousands = g.r.below(3) == 0;
    g.space_run = 1 + g.r.below(3) as usize;
    let year = match era {
        Era::E14 => 2014 + g.r.below(5) as i32,
        Era::E19 => 2019 + g.r.below(2) as i32,
        Era::E21 => 2021 + g.r.below(4) as i32,
    };
    let agency = g.agency();
    match era {
        Era::E14 => g.e14(&agency, year),
        Era::E19 | Era::E21 => g.modern(era, &agency, year),
    }
    let mut bytes = g.render();
    // Windows line ends now and then; legacy GB encoding for some text and
    // HTML files (HTML then declares it).
    let mut encoding = "utf-8";
    if !matches!(layout, Layout::Docx | Layout::PdfItems) {
        let mut text = String::from_utf8(bytes).expect("generated text is UTF-8");
        if g.r.below(5) == 0 {
            text = text.replace('\n', "\r\n");
        }
        if g.r.below(7) == 0 {
            encoding = "gb18030";
            if layout == Layout::Html {
                text = text.replace("<meta charset=\"utf-8\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">");
            }
            bytes = encoding_rs::GB18030.encode(&text).0.into_owned();
        } else {
            bytes = text.into_bytes();
        }
    }
    Generated {
        name: format!(
            "synthetic-{index:06}-{}-{}.{}",
            era.as_str(),
            layout.as_str(),
            layout.ext()
        ),
        bytes,
        era,
        layout,
        agency,
        year,
        encoding,
        truth: g.truth,
    }
}

/// Reports `0..n` of the batch `seed`.
pub fn batch(seed: u64, n: usize) -> impl Iterator<Item = Generated> {
    (0..n as u64).map(move |i| generate(seed, i))
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

const PLACES: &[&str] = &[
    "北京市", "天津市滨海新区", "石家庄市", "太原市小店区", "呼和浩特市", "沈阳市和平区", "长春市", "哈尔滨市南岗区",
    "上海市浦东新区", "南京市", "苏州市吴中区", "杭州市西湖区", "宁波市", "合肥市", "福州市鼓楼区", "南昌市",
    "济南市历下区", "青岛市", "郑州市", "武汉市江汉区", "长沙市", "广州市天河区", "深圳市南山区", "南宁市",
    "海口市", "重庆市渝中区", "成都市武侯区", "贵阳市", "昆明市", "拉萨市", "西安市雁塔区", "兰州市",
    "西宁市", "银川市", "乌鲁木齐市", "宿迁市宿城区", "洪泽区", "临淄区", "荣昌区", "丰县", "桐庐县", "平江县",
];
const BODIES: &[&str] = &[
    "人民政府", "人民政府办公室", "发展和改革委员会", "教育局", "科学技术局", "公安局", "民政局", "司法局",
    "财政局", "人力资源和社会保障局", "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局",
    "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局",
    "审计局", "市场监督管理局", "统计局", "医疗保障局", "城市管理局", "税务局", "档案馆",
];
const TOWNS: &[&str] = &["城关镇", "新华街道", "桥头镇", "东坝乡", "金山镇", "河包镇", "唐埠镇", "南浔乡"];

/// Sentences with no figures (distractors: dates, document numbers).
const FILLER: &[&str] = &[
    "坚持以公开为常态、不公开为例外，持续深化政务公开。",
    "严格落实公开属性源头认定机制，公文在拟制时即明确公开属性。",
    "及时更新政府信息公开指南和目录，方便公众查阅。",
    "完善依申请公开办理流程，严格按照法定时限答复。",
    "加强政策解读，做到政策文件与解读材料同步组织、同步审签、同步部署。",
    "强化政府网站和政务新媒体管理，开展常态化监测。",
    "印发《政务公开工作要点》（某政办发〔2021〕12号），明确年度任务。",
    "落实保密审查制度，坚持先审查、后公开。",
    "将政务公开纳入年度绩效考核，考核结果于每年1月通报。",
    "畅通意见建议渠道，认真办理公众留言。",
];
const PROBLEMS: &[&str] = &[
    "一是公开内容的规范性有待提高；二是政策解读形式较为单一。",
    "部分单位对政务公开工作重视不够，信息更新不够及时。",
    "政策解读的针对性和实效性有待进一步加强。",
    "依申请公开答复的规范化水平仍需提升。",
];
const PLANS: &[&str] = &[
    "下一步，将进一步加强培训，提升工作人员业务水平。",
    "下一步，将持续完善制度机制，推动政务公开提质增效。",
    "下一步，将加强督促检查，确保各项要求落到实处。",
];

#[derive(Debug, Clone)]
struct Cell {
    text: String,
    cs: usize,
    rs: usize,
}

fn c(text: impl Into<String>) -> Cell {
    Cell { text: text.into(), cs: 1, rs: 1 }
}

fn span(text: impl Into<String>, cs: usize, rs: usize) -> Cell {
    Cell { text: text.into(), cs, rs }
}

#[derive(Debug, Clone)]
enum Block {
    P(String),
    T(Vec<Vec<Cell>>),
}

/// A position of a table row: a cell that starts there, or one covered by
/// a cell from a row above (rowspan) `width` grid columns wide.
enum Slot<'a> {
    Cell(&'a Cell),
    Covered(usize),
}

fn slots(rows: &[Vec<Cell>]) -> Vec<Vec<Slot<'_>>> {
    // (grid column, width, rows still covered)
    let mut carry: Vec<(usize, usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for row in rows {
        let mut col = 0;
        let mut cells = row.iter();
        let mut line = Vec::new();
        loop {
            if let Some(k) = carry.iter().position(|x| x.0 == col && x.2 > 0) {
                line.push(Slot::Covered(carry[k].1));
                col += carry[k].1;
                carry[k].2 -= 1;
                continue;
            }
            match cells.next() {
                Some(cell) => {
                    if cell.rs > 1 {
                        carry.push((col, cell.cs, cell.rs - 1));
                    }
                    line.push(Slot::Cell(cell));
                    col += cell.cs;
                }
                None => break,
            }
        }
        carry.retain(|x| x.2 > 0);
        out.push(line);
    }
    out
}

fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

struct Gen {
    r: XorShift,
    layout: Layout,
    blank_zeros: bool,
    fill_merged: bool,
    full_width: bool,
    thousands: bool,
    space_run: usize,
    blocks: Vec<Block>,
    truth: Vec<(String, f64)>,
}

impl Gen {
    fn new(seed: u64) -> Self {
        Gen {
            r: XorShift::new(seed),
            layout: Layout::Tabs,
            blank_zeros: false,
            fill_merged: false,
            full_width: false,
            thousands: false,
            space_run: 1,
            blocks: Vec::new(),
            truth: Vec::new(),
        }
    }

    fn n(&mut self, max: u64) -> u64 {
        self.r.below(max + 1)
    }

    /// Mostly small, sometimes zero, now and then large.
    fn count(&mut self, typical: u64) -> u64 {
        match self.r.below(10) {
            0..=2 => 0,
            3..=8 => self.n(typical),
            _ => self.n(typical * 20),
        }
    }

    fn agency(&mut self) -> String {
        let place = PLACES[self.r.below(PLACES.len() as u64) as usize];
        if self.r.below(8) == 0 {
            let town = TOWNS[self.r.below(TOWNS.len() as u64) as usize];
            let body = if town.ends_with("街道") { "办事处" } else { "人民政府" };
            return format!("{place}{town}{body}");
        }
        let body = BODIES[self.r.below(BODIES.len() as u64) as usize];
        format!("{place}{body}")
    }

    fn p(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::P(s.into()));
    }

    fn filler(&mut self, k: usize) {
        let mut s = String::new();
        for _ in 0..k {
            s.push_str(FILLER[self.r.below(FILLER.len() as u64) as usize]);
        }
        self.p(s);
    }

    fn state(&mut self, id: &str, v: f64) {
        if let Some(t) = self.truth.iter().find(|t| t.0 == id) {
            assert!(t.1 == v, "{id} stated twice with different values");
            return;
        }
        self.truth.push((id.to_string(), v));
    }

    /// A number as narrative writes it (thousands separators sometimes).
    fn fmt(&self, v: u64) -> String {
        if self.thousands && v >= 10_000 {
            let s = v.to_string();
            let mut out = String::new();
            for (i, ch) in s.chars().enumerate() {
                if i > 0 && (s.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(ch);
            }
            out
        } else {
            v.to_string()
        }
    }

    /// A value cell stating `id` = `v` (thousands separated sometimes).
    fn v(&mut self, id: &str, v: u64) -> Cell {
        self.state(id, v as f64);
        c(self.fmt(v))
    }

    /// A table 三 data cell: blank when zero and the report leaves zeros blank.
    fn v0(&mut self, id: &str, v: u64) -> Cell {
        self.state(id, v as f64);
        if v == 0 && self.blank_zeros {
            c("")
        } else {
            c(v.to_string())
        }
    }

    /// A value in hundredths written as a decimal (万元).
    fn dec(&mut self, id: &str, hundredths: u64) -> Cell {
        self.state(id, hundredths as f64 / 100.0);
        c(dec_text(hundredths))
    }

    fn title(&mut self, agency: &str, year: i32) {
        let t = if self.r.below(2) == 0 {
            format!("{agency}{year}年政府信息公开工作年度报告")
        } else {
            format!("{year}年{agency}政府信息公开工作年度报告")
        };
        self.p(t);
    }

    fn signature(&mut self, agency: &str, year: i32) {
        let (m, d) = (1 + self.r.below(3), 1 + self.r.below(28));
        self.p(agency.to_string());
        self.p(format!("{}年{m}月{d}日", year + 1));
    }

    // ---------------------------------------------------------- 2014–2018

    fn e14(&mut self, agency: &str, year: i32) {
        self.title(agency, year);
        self.p(format!(
            "本年度报告根据《中华人民共和国政府信息公开条例》要求，由{agency}编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
        ));
        // Numbers, consistent with every s14.* identity.
        let web = 100 + self.n(3000);
        let gazette = self.count(40);
        let weibo = self.count(500);
        let wechat = self.count(500);
        let other_ch = self.count(200);
        let channels = web + gazette + weibo + wechat + other_ch;
        let active = (channels - self.n(channels / 3)).max(web).max(weibo).max(wechat).max(other_ch).max(gazette);
        let normative_issued = self.count(30);
        let normative = normative_issued - self.n(normative_issued);
        let normative = normative.min(active);
        let hotspots = self.count(100);
        let press = self.count(12);
        let press_principal = self.n(press);
        let interviews = self.count(12);
        let interviews_principal = self.n(interviews);
        let articles = self.count(60);
        let weibo_events = self.count(40);
        let other_events = self.count(20);
        let (a, b, cc, d) = (self.count(20), self.count(3), self.count(60), self.count(10));
        let received = a + b + cc + d;
        let extended = self.n(received / 4);
        let on_time = received - extended;
        let mut rest = received;
        let mut take = |g: &mut Gen, max: u64| {
            let x = g.n(max.min(rest));
            rest -= x;
            x
        };
        let refused_parts: Vec<u64> = (0..6).map(|_| take(self, 1)).collect();
        let already = take(self, received / 4);
        let partial = take(self, received / 6);
        let not_this = take(self, received / 6);
        let not_exist = take(self, received / 6);
        let amend = take(self, 2);
        let other_channel = take(self, 2);
        let agreed = rest;
        let refused: u64 = refused_parts.iter().sum();
        let review_parts = [self.count(2), self.count(1), self.count(1)];
        let lit_parts = [self.count(2), self.count(1), self.count(1)];
        let (review, lit): (u64, u64) = (review_parts.iter().sum(), lit_parts.iter().sum());
        let complaints = self.count(3);
        let fees = if self.r.below(4) == 0 { 1 + self.n(200) } else { 0 };
        let bodies = 1 + self.n(3);
        let points = 1 + self.n(10);
        let full_time = 1 + self.n(8);
        let part_time = self.n(20);
        let budget = self.count(500) * 10;
        let meetings = self.count(6);
        let classes = self.count(8);
        let trainees = if classes > 0 { classes * (10 + self.n(60)) } else { 0 };

        self.p("一、概述");
        self.filler(2);
        if self.r.below(4) != 0 {
            self.p(format!(
                "{year}年，本机关共主动公开政府信息{}条，其中主动公开规范性文件{normative}条。",
                self.fmt(active)
            ));
            self.state("stat.active.total", active as f64);
            self.state("stat.active.normative_published", normative as f64);
        }
        self.p("二、主动公开政府信息情况");
        self.filler(2);
        if self.r.below(2) == 0 {
            self.p(format!(
                "其中政府网站公开{}条、政府公报公开{gazette}条、政务微博公开{weibo}条、政务微信公开{wechat}条、其他方式公开{other_ch}条。",
                self.fmt(web)
            ));
            for (id, v) in [
                ("stat.active.channel.website", web),
                ("stat.active.channel.gazette", gazette),
                ("stat.active.channel.weibo", weibo),
                ("stat.active.channel.wechat", wechat),
                ("stat.active.channel.other", other_ch),
            ] {
                self.state(id, v as f64);
            }
        }
        self.p("三、依申请公开政府信息情况");
        if received > 0 && self.r.below(4) != 0 {
            self.p(format!(
                "全年共收到政府信息公开申请{received}件，其中当面申请{a}件、网络申请{cc}件、信函申请{d}件、传真申请{b}件。"
            ));
            for (id, v) in [
                ("stat.apply.received_total", received),
                ("stat.apply.received.in_person", a),
                ("stat.apply.received.online", cc),
                ("stat.apply.received.letter", d),
                ("stat.apply.received.fax", b),
            ] {
                self.state(id, v as f64);
            }
        } else if received == 0 {
            self.p("全年未收到政府信息公开申请。");
            self.state("stat.apply.received_total", 0.0);
        }
        self.filler(1);
        self.p("四、政府信息公开的收费及减免情况");
        if fees == 0 {
            self.p("全年未收取政府信息公开相关费用。");
            self.state("stat.fees_collected", 0.0);
        } else {
            self.p(format!("全年收取政府信息公开费用{}万元。", dec_text(fees)));
            self.state("stat.fees_collected", fees as f64 / 100.0);
        }
        self.p("五、因政府信息公开申请提起行政复议、行政诉讼的情况");
        if review == 0 && lit == 0 {
            self.p("本年度未发生因政府信息公开申请提起的行政复议和行政诉讼。");
        } else {
            self.p(format!("本年度因政府信息公开申请提起行政复议{review}件、行政诉讼{lit}件。"));
        }
        self.state("stat.review_total", review as f64);
        self.state("stat.litigation_total", lit as f64);
        self.p("六、存在的主要问题及改进情况");
        let s = PROBLEMS[self.r.below(PROBLEMS.len() as u64) as usize];
        let t = PLANS[self.r.below(PLANS.len() as u64) as usize];
        self.p(format!("{s}{t}"));
        self.p("七、其他需要报告的事项");
        if self.r.below(2) == 0 {
            self.p(format!(
                "目前从事政府信息公开工作人员{}人，其中专职人员{full_time}人、兼职人员{part_time}人。",
                full_time + part_time
            ));
            self.state("stat.org.staff_total", (full_time + part_time) as f64);
            self.state("stat.org.staff.full_time", full_time as f64);
            self.state("stat.org.staff.part_time", part_time as f64);
        } else {
            self.p("无。");
        }
        self.p("附件：政府信息公开情况统计表");

        // The national 统计表.
        let mut rows: Vec<Vec<Cell>> = vec![vec![c("统计指标"), c("单位"), c("统计数")]];
        self.srow(&mut rows, "一、主动公开情况", "", None);
        self.srow(&mut rows, "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", Some(("stat.active.total", active)));
        self.srow(&mut rows, "其中：主动公开规范性文件数", "条", Some(("stat.active.normative_published", normative)));
        self.srow(&mut rows, "制发规范性文件总数", "件", Some(("stat.active.normative_issued", normative_issued)));
        self.srow(&mut rows, "（二）通过不同渠道和方式公开政府信息的情况", "", None);
        self.srow(&mut rows, "1.政府公报公开政府信息数", "条", Some(("stat.active.channel.gazette", gazette)));
        self.srow(&mut rows, "2.政府网站公开政府信息数", "条", Some(("stat.active.channel.website", web)));
        self.srow(&mut rows, "3.政务微博公开政府信息数", "条", Some(("stat.active.channel.weibo", weibo)));
        self.srow(&mut rows, "4.政务微信公开政府信息数", "条", Some(("stat.active.channel.wechat", wechat)));
        self.srow(&mut rows, "5.其他方式公开政府信息数", "条", Some(("stat.active.channel.other", other_ch)));
        self.srow(&mut rows, "二、回应解读情况", "", None);
        self.srow(&mut rows, "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次", Some(("stat.response.hotspots", hotspots)));
        self.srow(&mut rows, "（二）通过不同渠道和方式回应解读的情况", "", None);
        self.srow(&mut rows, "1.参加或举办新闻发布会总次数", "次", Some(("stat.response.press_conferences", press)));
        self.srow(&mut rows, "其中：主要负责同志参加新闻发布会次数", "次", Some(("stat.response.press_conferences_principal", press_principal)));
        self.srow(&mut rows, "2.政府网站在线访谈次数", "次", Some(("stat.response.online_interviews", interviews)));
        self.srow(&mut rows, "其中：主要负责同志参加政府网站在线访谈次数", "次", Some(("stat.response.online_interviews_principal", interviews_principal)));
        self.srow(&mut rows, "3.政策解读稿件发布数", "篇", Some(("stat.response.interpretation_articles", articles)));
        self.srow(&mut rows, "4.微博微信回应事件数", "次", Some(("stat.response.weibo_wechat_events", weibo_events)));
        self.srow(&mut rows, "5.其他方式回应事件数", "次", Some(("stat.response.other_events", other_events)));
        self.srow(&mut rows, "三、依申请公开情况", "", None);
        self.srow(&mut rows, "（一）收到申请数", "件", Some(("stat.apply.received_total", received)));
        self.srow(&mut rows, "1.当面申请数", "件", Some(("stat.apply.received.in_person", a)));
        self.srow(&mut rows, "2.传真申请数", "件", Some(("stat.apply.received.fax", b)));
        self.srow(&mut rows, "3.网络申请数", "件", Some(("stat.apply.received.online", cc)));
        self.srow(&mut rows, "4.信函申请数", "件", Some(("stat.apply.received.letter", d)));
        self.srow(&mut rows, "（二）申请办结数", "件", Some(("stat.apply.closed_total", received)));
        self.srow(&mut rows, "1.按时办结数", "件", Some(("stat.apply.closed.on_time", on_time)));
        self.srow(&mut rows, "2.延期办结数", "件", Some(("stat.apply.closed.extended", extended)));
        self.srow(&mut rows, "（三）申请答复数", "件", Some(("stat.apply.replied_total", received)));
        self.srow(&mut rows, "1.属于已主动公开范围数", "件", Some(("stat.apply.reply.already_public", already)));
        self.srow(&mut rows, "2.同意公开答复数", "件", Some(("stat.apply.reply.agreed", agreed)));
        self.srow(&mut rows, "3.同意部分公开答复数", "件", Some(("stat.apply.reply.partial", partial)));
        self.srow(&mut rows, "4.不同意公开答复数", "件", Some(("stat.apply.reply.refused_total", refused)));
        let reasons = [
            ("其中：涉及国家秘密", "stat.apply.reply.refused.state_secret"),
            ("涉及商业秘密", "stat.apply.reply.refused.commercial_secret"),
            ("涉及个人隐私", "stat.apply.reply.refused.privacy"),
            ("危及国家安全、公共安全、经济安全和社会稳定", "stat.apply.reply.refused.security_stability"),
            ("不是《条例》所指政府信息", "stat.apply.reply.refused.not_gov_info"),
            ("法律法规规定的其他情形", "stat.apply.reply.refused.other_legal"),
        ];
        for (i, (label, id)) in reasons.iter().enumerate() {
            self.srow(&mut rows, label, "件", Some((id, refused_parts[i])));
        }
        self.srow(&mut rows, "5.不属于本行政机关公开数", "件", Some(("stat.apply.reply.not_this_agency", not_this)));
        self.srow(&mut rows, "6.申请信息不存在数", "件", Some(("stat.apply.reply.not_exist", not_exist)));
        self.srow(&mut rows, "7.告知作出更改补充数", "件", Some(("stat.apply.reply.amend_notice", amend)));
        self.srow(&mut rows, "8.告知通过其他途径办理数", "件", Some(("stat.apply.reply.other_channel", other_channel)));
        self.srow(&mut rows, "四、行政复议数量", "件", Some(("stat.review_total", review)));
        self.srow(&mut rows, "（一）维持具体行政行为数", "件", Some(("stat.review.upheld", review_parts[0])));
        self.srow(&mut rows, "（二）被依法纠错数", "件", Some(("stat.review.corrected", review_parts[1])));
        self.srow(&mut rows, "（三）其他情形数", "件", Some(("stat.review.other", review_parts[2])));
        self.srow(&mut rows, "五、行政诉讼数量", "件", Some(("stat.litigation_total", lit)));
        self.srow(&mut rows, "（一）维持具体行政行为或者驳回原告诉讼请求数", "件", Some(("stat.litigation.upheld", lit_parts[0])));
        self.srow(&mut rows, "（二）被依法纠错数", "件", Some(("stat.litigation.corrected", lit_parts[1])));
        self.srow(&mut rows, "（三）其他情形数", "件", Some(("stat.litigation.other", lit_parts[2])));
        self.srow(&mut rows, "六、举报投诉数量", "件", Some(("stat.complaints_total", complaints)));
        // 七: 万元 with decimals.
        self.state("stat.fees_collected", fees as f64 / 100.0);
        rows.push(vec![c("七、依申请公开信息收取的费用"), c("万元"), c(dec_text(fees))]);
        self.srow(&mut rows, "八、机构建设和保障经费情况", "", None);
        self.srow(&mut rows, "（一）政府信息公开工作专门机构数", "个", Some(("stat.org.dedicated_bodies", bodies)));
        self.srow(&mut rows, "（二）设置政府信息公开查阅点数", "个", Some(("stat.org.reading_points", points)));
        self.srow(&mut rows, "（三）从事政府信息公开工作人员数", "人", Some(("stat.org.staff_total", full_time + part_time)));
        self.srow(&mut rows, "1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", Some(("stat.org.staff.full_time", full_time)));
        self.srow(&mut rows, "2.兼职人员数", "人", Some(("stat.org.staff.part_time", part_time)));
        self.state("stat.org.budget", budget as f64 / 100.0);
        rows.push(vec![
            c("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）"),
            c("万元"),
            c(dec_text(budget)),
        ]);
        self.srow(&mut rows, "九、政府信息公开会议和培训情况", "", None);
        self.srow(&mut rows, "（一）召开政府信息公开工作会议或专题会议数", "次", Some(("stat.training.meetings", meetings)));
        self.srow(&mut rows, "（二）举办各类培训班数", "次", Some(("stat.training.classes", classes)));
        self.srow(&mut rows, "（三）接受培训人员数", "人次", Some(("stat.training.trainees", trainees)));
        self.p("政府信息公开情况统计表");
        self.blocks.push(Block::T(rows));
        self.signature(agency, year);
    }

    // ---------------------------------------------------------- 2019 and 2021

    fn modern(&mut self, era: Era, agency: &str, year: i32) {
        self.title(agency, year);
        self.p(format!(
            "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室有关要求编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
        ));
        // Table 三 first: the narrative quotes it.
        let cols = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"];
        let mut result_rows: Vec<(&str, &str, &str)> = vec![
            // (group label, row label, id stem)
            ("", "（一）予以公开", "granted"),
            ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partial"),
            ("（三）不予公开", "1.属于国家秘密", "denied.state_secret"),
            ("", "2.其他法律行政法规禁止公开", "denied.law_prohibited"),
            ("", "3.危及“三安全一稳定”", "denied.security_stability"),
            ("", "4.保护第三方合法权益", "denied.third_party"),
            ("", "5.属于三类内部事务信息", "denied.internal_affairs"),
            ("", "6.属于四类过程性信息", "denied.process_info"),
            ("", "7.属于行政执法案卷", "denied.enforcement_file"),
            ("", "8.属于行政查询事项", "denied.admin_query"),
            ("（四）无法提供", "1.本机关不掌握相关政府信息", "unable.not_held"),
            ("", "2.没有现成信息需要另行制作", "unable.needs_creation"),
            ("", "3.补正后申请内容仍不明确", "unable.unclear"),
            ("（五）不予处理", "1.信访举报投诉类申请", "not_processed.petition"),
            ("", "2.重复申请", "not_processed.duplicate"),
            ("", "3.要求提供公开出版物", "not_processed.publication"),
            ("", "4.无正当理由大量反复申请", "not_processed.mass_repeat"),
            ("", "5.要求行政机关确认或重新出具已获取信息", "not_processed.confirm_reissue"),
        ];
        if era == Era::E21 {
            result_rows.extend([
                ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other.no_correction"),
                ("", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other.unpaid_fee"),
                ("", "3.其他", "other.other"),
            ]);
        } else {
            result_rows.push(("", "（六）其他处理", "other_total"));
        }
        let busy = self.r.below(4) != 0;
        let mut results: Vec<[u64; 6]> = Vec::new();
        for (i, _) in result_rows.iter().enumerate() {
            let mut cells = [0u64; 6];
            for (cix, cell) in cells.iter_mut().enumerate() {
                let common = i < 2 || i == 10 || i == 11;
                let p = if cix == 0 { 2 } else { 8 };
                if busy && self.r.below(p) == 0 {
                    *cell = if common { self.n(60) } else { self.n(4) };
                }
            }
            results.push(cells);
        }
        let mut total = [0u64; 6];
        for row in &results {
            for k in 0..6 {
                total[k] += row[k];
            }
        }
        let mut forward = [0u64; 6];
        let mut over = [0u64; 6];
        for k in 0..6 {
            if self.r.below(3) == 0 {
                forward[k] = self.n(5);
            }
            if self.r.below(3) == 0 {
                over[k] = self.n(total[k] + forward[k]).min(6);
            }
        }
        let new: Vec<u64> = (0..6).map(|k| total[k] + forward[k] - over[k]).collect();
        let sum = |v: &[u64]| v.iter().sum::<u64>();

        // Table 四.
        let mut t4 = Vec::new();
        for _ in 0..3 {
            let v: Vec<u64> = (0..4).map(|_| self.count(2)).collect();
            t4.push(v);
        }

        // Section 一.
        self.p("一、总体情况");
        self.filler(1);
        let received = sum(&new);
        let mut said = Vec::new();
        if self.r.below(3) != 0 {
            if received == 0 {
                self.p(format!("{year}年，本机关未收到政府信息公开申请。"));
            } else {
                self.p(format!(
                    "{year}年，本机关共收到政府信息公开申请{}件，均已按时答复。",
                    self.fmt(received)
                ));
            }
            said.push(("applications.new_received.total", received));
        }
        if self.r.below(3) == 0 && sum(&over) > 0 && sum(&forward) > 0 {
            self.p(format!(
                "另有上年结转{}件，结转下年度继续办理{}件。",
                sum(&over),
                sum(&forward)
            ));
            said.push(("applications.carried_over.total", sum(&over)));
            said.push(("applications.carried_forward.total", sum(&forward)));
        }
        for (id, v) in said {
            self.state(id, v as f64);
        }
        self.p("（一）主动公开");
        self.filler(2);
        self.p("（二）依申请公开");
        self.filler(1);
        self.p("（三）政府信息管理");
        self.filler(1);

        // Table 二.
        self.p("二、主动公开政府信息情况");
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let head = |t: &str| vec![span(t, 4, 1)];
        if era == Era::E21 {
            rows.push(head("第二十条第（一）项"));
            rows.push(vec![c("信息内容"), c("本年制发件数"), c("本年废止件数"), c("现行有效件数")]);
            for (label, stem, scale) in [("规章", "regulations", 3), ("行政规范性文件", "normative_docs", 30)] {
                let issued = self.count(scale);
                let repealed = self.count(scale);
                let in_force = issued + self.n(scale * 5);
                let id = |f: &str| format!("active.art20_1.{stem}.{f}");
                let r = vec![
                    c(label),
                    self.v(&id("issued"), issued),
                    self.v(&id("repealed"), repealed),
                    self.v(&id("in_force"), in_force),
                ];
                rows.push(r);
            }
            for (item, cells) in [
                ("第二十条第（五）项", vec![("行政许可", "active.art20_5.admin_license.decisions", 5000u64)]),
                (
                    "第二十条第（六）项",
                    vec![
                        ("行政处罚", "active.art20_6.admin_penalty.decisions", 3000),
                        ("行政强制", "active.art20_6.admin_coercion.decisions", 300),
                    ],
                ),
            ] {
                rows.push(head(item));
                rows.push(vec![c("信息内容"), span("本年处理决定数量", 3, 1)]);
                for (label, id, scale) in cells {
                    let v = self.count(scale);
                    let cell = self.v(id, v);
                    rows.push(vec![c(label), span(cell.text, 3, 1)]);
                }
            }
            rows.push(head("第二十条第（八）项"));
            rows.push(vec![c("信息内容"), span("本年收费金额（单位：万元）", 3, 1)]);
            let h = self.count(50_000);
            let cell = self.dec("active.art20_8.admin_fees.amount", h);
            rows.push(vec![c("行政事业性收费"), span(cell.text, 3, 1)]);
        } else {
            rows.push(head("第二十条第（一）项"));
            rows.push(vec![c("信息内容"), c("本年新制作数量"), c("本年新公开数量"), c("对外公开总数量")]);
            for (label, stem, scale) in [("规章", "regulations", 3), ("规范性文件", "normative_docs", 30)] {
                let made = self.count(scale);
                let published = made - self.n(made.min(1));
                let total_pub = published + self.n(scale * 10);
                let id = |f: &str| format!("active.art20_1.{stem}.{f}");
                let r = vec![
                    c(label),
                    self.v(&id("new_made"), made),
                    self.v(&id("new_published"), published),
                    self.v(&id("total_published"), total_pub),
                ];
                rows.push(r);
            }
            for (item, cells) in [
                (
                    "第二十条第（五）项",
                    vec![
                        ("行政许可", "active.art20_5.admin_license", 500u64),
                        ("其他对外管理服务事项", "active.art20_5.other_services", 100),
                    ],
                ),
                (
                    "第二十条第（六）项",
                    vec![
                        ("行政处罚", "active.art20_6.admin_penalty", 1000),
                        ("行政强制", "active.art20_6.admin_coercion", 100),
                    ],
                ),
            ] {
                rows.push(head(item));
                rows.push(vec![c("信息内容"), c("上一年项目数量"), c("本年增/减"), c("处理决定数量")]);
                for (label, stem, scale) in cells {
                    let prev = self.count(scale / 10 + 1);
                    let change = self.n(2 * prev.min(20)) as i64 - prev.min(20) as i64;
                    let decisions = self.count(scale);
                    let prev_c = self.v(&format!("{stem}.prev_year_count"), prev);
                    let change_c = self.signed(&format!("{stem}.change"), change);
                    let dec_c = self.v(&format!("{stem}.decisions"), decisions);
                    rows.push(vec![c(label), prev_c, change_c, dec_c]);
                }
            }
            rows.push(head("第二十条第（八）项"));
            rows.push(vec![c("信息内容"), c("上一年项目数量"), span("本年增/减", 2, 1)]);
            let prev = self.count(10);
            let change = self.n(2 * prev.min(5)) as i64 - prev.min(5) as i64;
            let prev_c = self.v("active.art20_8.admin_fees.prev_year_count", prev);
            let change_c = self.signed("active.art20_8.admin_fees.change", change);
            rows.push(vec![c("行政事业性收费"), prev_c, span(change_c.text, 2, 1)]);
            rows.push(head("第二十条第（九）项"));
            rows.push(vec![c("信息内容"), c("采购项目数量"), span("采购总金额", 2, 1)]);
            let count = self.count(30);
            let amount = if count == 0 { 0 } else { 1 + self.n(5000) };
            let count_c = self.v("active.art20_9.central_procurement.project_count", count);
            let amount_c = self.v("active.art20_9.central_procurement.total_amount", amount);
            rows.push(vec![c("政府集中采购"), count_c, span(amount_c.text, 2, 1)]);
        }
        self.blocks.push(Block::T(rows));

        // Table 三.
        self.p("三、收到和处理政府信息公开申请情况");
        let mut rows: Vec<Vec<Cell>> = vec![
            vec![
                span("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
                span("申请人情况", 7, 1),
            ],
            vec![span("自然人", 1, 2), span("法人或其他组织", 5, 1), span("总计", 1, 2)],
            vec![c("商业企业"), c("科研机构"), c("社会公益组织"), c("法律服务机构"), c("其他")],
        ];
        let data = |g: &mut Gen, stem: &str, v: &[u64]| -> Vec<Cell> {
            let mut out: Vec<Cell> = cols
                .iter()
                .zip(v)
                .map(|(col, &x)| g.v0(&format!("applications.{stem}.{col}"), x))
                .collect();
            out.push(g.v(&format!("applications.{stem}.total"), v.iter().sum()));
            out
        };
        let mut r = vec![span("一、本年新收政府信息公开申请数量", 3, 1)];
        r.extend(data(self, "new_received", &new));
        rows.push(r);
        let mut r = vec![span("二、上年结转政府信息公开申请数量", 3, 1)];
        r.extend(data(self, "carried_over", &over));
        rows.push(r);
        let n_results = result_rows.len() + 1;
        for (i, (group, label, stem)) in result_rows.iter().enumerate() {
            let mut r = Vec::new();
            if i == 0 {
                r.push(span("三、本年度办理结果", 1, n_results));
            }
            let group_rows = match *group {
                "（三）不予公开" => 8,
                "（四）无法提供" => 3,
                "（五）不予处理" => 5,
                _ => 3,
            };
            if !group.is_empty() {
                r.push(span(*group, 1, group_rows));
                r.push(c(*label));
            } else if stem.starts_with("denied")
                || stem.starts_with("unable")
                || stem.starts_with("not_processed")
                || stem.starts_with("other.")
            {
                r.push(c(*label));
            } else {
                r.push(span(*label, 2, 1));
            }
            let results_i = results[i];
            r.extend(data(self, &format!("results.{stem}"), &results_i));
            rows.push(r);
        }
        let mut r = vec![span("（七）总计", 2, 1)];
        r.extend(data(self, "results.total", &total));
        rows.push(r);
        let mut r = vec![span("四、结转下年度继续办理", 3, 1)];
        r.extend(data(self, "carried_forward", &forward));
        rows.push(r);
        self.blocks.push(Block::T(rows));

        // Table 四.
        self.p("四、政府信息公开行政复议、行政诉讼情况");
        let mut rows: Vec<Vec<Cell>> = vec![
            vec![span("行政复议", 5, 1), span("行政诉讼", 10, 1)],
            vec![
                span("结果维持", 1, 2),
                span("结果纠正", 1, 2),
                span("其他结果", 1, 2),
                span("尚未审结", 1, 2),
                span("总计", 1, 2),
                span("未经复议直接起诉", 5, 1),
                span("复议后起诉", 5, 1),
            ],
        ];
        let mut r3 = Vec::new();
        for _ in 0..2 {
            for h in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
                r3.push(c(h));
            }
        }
        rows.push(r3);
        let mut r4 = Vec::new();
        for (k, stem) in ["review", "litigation.direct", "litigation.after_review"].iter().enumerate() {
            for (j, f) in ["upheld", "corrected", "other", "pending"].iter().enumerate() {
                r4.push(self.v(&format!("{stem}.{f}"), t4[k][j]));
            }
            r4.push(self.v(&format!("{stem}.total"), t4[k].iter().sum()));
        }
        rows.push(r4);
        self.blocks.push(Block::T(rows));

        self.p("五、存在的主要问题及改进情况");
        let s = PROBLEMS[self.r.below(PROBLEMS.len() as u64) as usize];
        let t = PLANS[self.r.below(PLANS.len() as u64) as usize];
        self.p(format!("{s}{t}"));
        self.p("六、其他需要报告的事项");
        if self.r.below(2) == 0 {
            self.p(format!("本机关{year}年度未收取信息处理费。"));
            self.state("fees.info_processing.amount_collected", 0.0);
        } else {
            self.p("无其他需要报告的事项。");
        }
        self.signature(agency, year);
    }

    /// A row of the 统计表: label, unit, value (or — — for a heading row).
    fn srow(&mut self, rows: &mut Vec<Vec<Cell>>, label: &str, unit: &str, id: Option<(&str, u64)>) {
        let mut r = vec![c(label)];
        match id {
            None => r.extend([c("—"), c("—")]),
            Some((id, v)) => {
                r.push(c(unit));
                r.push(self.v(id, v));
            }
        }
        rows.push(r);
    }

    /// A signed change cell (`-3`, `0`, `5` or `+5`).
    fn signed(&mut self, id: &str, v: i64) -> Cell {
        self.state(id, v as f64);
        if v > 0 && self.r.below(2) == 0 {
            c(format!("+{v}"))
        } else {
            c(v.to_string())
        }
    }

    // ------------------------------------------------------------ rendering

    fn text_of(&self, s: &str) -> String {
        if self.full_width {
            s.chars()
                .map(|ch| {
                    if ch.is_ascii_digit() {
                        char::from_u32(ch as u32 + 0xFEE0).unwrap_or(ch)
                    } else {
                        ch
                    }
                })
                .collect()
        } else {
            s.to_string()
        }
    }

    fn render(&mut self) -> Vec<u8> {
        let blocks = std::mem::take(&mut self.blocks);
        match self.layout {
            Layout::Html => self.render_html(&blocks).into_bytes(),
            Layout::Docx => self.render_docx(&blocks),
            Layout::PdfItems => self.render_pdf(&blocks),
            _ => self.render_text(&blocks).into_bytes(),
        }
    }

    fn render_text(&mut self, blocks: &[Block]) -> String {
        let mut s = String::new();
        let sep = " ".repeat(self.space_run);
        for b in blocks {
            match b {
                Block::P(p) => {
                    s.push_str(&self.text_of(p));
                    s.push('\n');
                }
                Block::T(rows) => {
                    for (ri, line) in slots(rows).iter().enumerate() {
                        let mut cells: Vec<String> = Vec::new();
                        for slot in line {
                            match slot {
                                Slot::Cell(cell) => {
                                    cells.push(self.text_of(&cell.text));
                                    if self.fill_merged {
                                        cells.extend((1..cell.cs).map(|_| String::new()));
                                    }
                                }
                                Slot::Covered(w) => {
                                    if self.fill_merged {
                                        cells.extend((0..*w).map(|_| String::new()));
                                    }
                                }
                            }
                        }
                        match self.layout {
                            Layout::CellPerLine => {
                                for cell in cells.iter().filter(|x| !x.is_empty()) {
                                    s.push_str(cell);
                                    s.push('\n');
                                }
                            }
                            Layout::Spaces => {
                                let kept: Vec<&str> =
                                    cells.iter().filter(|x| !x.is_empty()).map(|x| x.as_str()).collect();
                                s.push_str(&kept.join(&sep));
                                s.push('\n');
                            }
                            Layout::Pipes => {
                                s.push_str("| ");
                                s.push_str(&cells.join(" | "));
                                s.push_str(" |\n");
                                if ri == 0 {
                                    s.push('|');
                                    s.push_str(&"---|".repeat(cells.len()));
                                    s.push('\n');
                                }
                            }
                            _ => {
                                s.push_str(&cells.join("\t"));
                                s.push('\n');
                            }
                        }
                    }
                }
            }
        }
        s
    }

    fn render_html(&mut self, blocks: &[Block]) -> String {
        let word_style = self.r.below(2) == 0;
        let mut s = String::from(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>政府信息公开工作年度报告</title>\
             <style>td{border:1px solid #000}</style><script>var nav=\"a<b\";</script></head>\n<body>\
             <div class=\"nav\">首页 &gt; 政务公开 &gt; 信息公开年报</div>\n<div class=\"content\">\n",
        );
        for b in blocks {
            match b {
                Block::P(p) => {
                    let t = escape_xml(&self.text_of(p));
                    if word_style {
                        s.push_str(&format!(
                            "<p class=\"MsoNormal\" style=\"text-indent:2em\"><span style=\"font-family:仿宋\">{t}</span></p>\n"
                        ));
                    } else {
                        s.push_str(&format!("<p>{t}</p>\n"));
                    }
                }
                Block::T(rows) => {
                    s.push_str("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\"><tbody>\n");
                    for row in rows {
                        s.push_str("<tr>");
                        for cell in row {
                            s.push_str("<td");
                            if cell.cs > 1 {
                                s.push_str(&format!(" colspan=\"{}\"", cell.cs));
                            }
                            if cell.rs > 1 {
                                s.push_str(&format!(" rowspan=\"{}\"", cell.rs));
                            }
                            s.push('>');
                            let t = escape_xml(&self.text_of(&cell.text));
                            if word_style {
                                let t = if t.is_empty() { "&nbsp;".to_string() } else { t };
                                s.push_str(&format!("<p align=\"center\"><span>{t}</span></p>"));
                            } else {
                                s.push_str(&t);
                            }
                            s.push_str("</td>");
                        }
                        s.push_str("</tr>\n");
                    }
                    s.push_str("</tbody></table>\n");
                }
            }
        }
        s.push_str("</div>\n<div class=\"footer\">主办单位：某某市人民政府办公室</div></body></html>\n");
        s
    }

    /// The document as a PDF text layer would give it (A4, 10.5 pt text).
    fn render_pdf(&mut self, blocks: &[Block]) -> Vec<u8> {
        const FONT: f32 = 10.5;
        const LINE: f32 = 15.0;
        const TOP: f32 = 72.0;
        const BOTTOM: f32 = 770.0;
        let split = self.r.below(3) == 0; // items of a few characters
        let mut pdf = PdfWriter { out: Vec::new(), page: 1, y: TOP, split, r: XorShift::new(self.r.next_u64()) };
        for b in blocks {
            match b {
                Block::P(p) => {
                    // Wrapped at 38 full-width characters, first line indented.
                    let mut lines = wrap(p, 38.0 * FONT - 2.0 * FONT);
                    if lines.is_empty() {
                        lines.push(String::new());
                    }
                    for (i, l) in lines.iter().enumerate() {
                        if pdf.y > BOTTOM {
                            pdf.new_page(TOP);
                        }
                        let x = if i == 0 { 72.0 + 2.0 * FONT } else { 72.0 };
                        pdf.text(x, pdf.y, l);
                        pdf.y += LINE;
                    }
                }
                Block::T(rows) => {
                    let grid = slots(rows);
                    let ncols = grid.iter().map(|r| r.iter().map(|s| match s {
                        Slot::Cell(c) => c.cs,
                        Slot::Covered(w) => *w,
                    }).sum::<usize>()).max().unwrap_or(1);
                    // Column widths: numbers narrow, labels up to 22 characters
                    // wide in narrow tables (统计表, table 二) and 9 in table 三.
                    let cap = if ncols <= 4 { 22.0 * FONT } else { 9.0 * FONT };
                    // Cell margins left and right: Word's default, 0.19 cm.
                    const PAD: f32 = 5.4;
                    let mut width = vec![0.0f32; ncols];
                    // The narrowest a column may get: its numbers whole, two
                    // characters of text a line.
                    let mut floor = vec![2.0 * FONT + 2.0 * PAD; ncols];
                    for line in &grid {
                        let mut col = 0;
                        for slot in line {
                            match slot {
                                Slot::Cell(c) => {
                                    if c.cs == 1 {
                                        let numeric = c.text.chars().all(|ch| ch.is_ascii_digit() || ".,+-".contains(ch));
                                        let w = if numeric { 40.0 } else { text_width(&c.text).min(cap) + 2.0 * PAD };
                                        width[col] = width[col].max(w);
                                        if numeric {
                                            floor[col] = floor[col].max(text_width(&c.text) + 2.0 * PAD);
                                        }
                                    }
                                    col += c.cs;
                                }
                                Slot::Covered(w) => col += w,
                            }
                        }
                    }
                    for w in width.iter_mut() {
                        if *w == 0.0 {
                            *w = 40.0;
                        }
                    }
                    // The table fits the page (A4, 50 pt margins): a wide one
                    // gets narrower columns, and its headers and labels wrap
                    // (`商业` / `企业`, `结果` / `维持`), as in real reports.
                    let total: f32 = width.iter().sum();
                    let slack: f32 = width.iter().zip(&floor).map(|(w, f)| (w - f).max(0.0)).sum();
                    if total > 495.0 && slack > 0.0 {
                        let k = ((total - 495.0) / slack).min(1.0);
                        for (w, f) in width.iter_mut().zip(&floor) {
                            *w -= (*w - f).max(0.0) * k;
                        }
                    }
                    let x_of = |col: usize| 50.0 + width[..col].iter().sum::<f32>();
                    let span_w = |col: usize, cs: usize| width[col..(col + cs).min(ncols)].iter().sum::<f32>();
                    // Row heights from the cells that span one row.
                    let mut heights = Vec::new();
                    for line in &grid {
                        let mut col = 0;
                        let mut lines_max = 1usize;
                        for slot in line {
                            match slot {
                                Slot::Cell(c) => {
                                    if c.rs == 1 {
                                        lines_max = lines_max.max(wrap(&c.text, span_w(col, c.cs) - 2.0 * PAD).len());
                                    }
                                    col += c.cs;
                                }
                                Slot::Covered(w) => col += w,
                            }
                        }
                        heights.push(lines_max as f32 * LINE + 6.0);
                    }
                    // Row positions (page, top), breaking pages between rows.
                    let mut pos = Vec::new();
                    pdf.y += 4.0;
                    for h in &heights {
                        if pdf.y + h > BOTTOM + 20.0 {
                            pdf.new_page(TOP);
                        }
                        pos.push((pdf.page, pdf.y));
                        pdf.y += h;
                    }
                    pdf.y += 10.0;
                    let end_page = pdf.page;
                    // Cells, in reading order.
                    let mut items = Vec::new();
                    for (ri, line) in grid.iter().enumerate() {
                        let mut col = 0;
                        for slot in line {
                            match slot {
                                Slot::Cell(c) => {
                                    let w = span_w(col, c.cs);
                                    let (page, top) = pos[ri];
                                    // A merged cell is centred over the rows it spans on its page.
                                    let mut h = 0.0;
                                    for k in ri..(ri + c.rs).min(grid.len()) {
                                        if pos[k].0 == page {
                                            h += heights[k];
                                        }
                                    }
                                    let lines = wrap(&c.text, w - 2.0 * PAD);
                                    let block = lines.len() as f32 * LINE;
                                    let mut y = top + (h - block) / 2.0 + FONT;
                                    for l in &lines {
                                        let lw = text_width(l);
                                        let x = if col == 0 { x_of(col) + PAD } else { x_of(col) + (w - lw) / 2.0 };
                                        items.push((page, x, y, l.clone()));
                                        y += LINE;
                                    }
                                    col += c.cs;
                                }
                                Slot::Covered(w) => col += w,
                            }
                        }
                    }
                    for (page, x, y, t) in items {
                        pdf.page = page;
                        pdf.text(x, y, &t);
                    }
                    pdf.page = end_page;
                }
            }
        }
        pdf.footer();
        pdf.out
    }

    fn render_docx(&mut self, blocks: &[Block]) -> Vec<u8> {
        let para = |t: &str| -> String {
            if t.is_empty() {
                return "<w:p/>".to_string();
            }
            // Word splits text into runs; split long labels once.
            let t = escape_xml(t);
            let chars: Vec<char> = t.chars().collect();
            if chars.len() > 6 && !t.contains('&') {
                let (a, b) = chars.split_at(chars.len() / 2);
                let (a, b): (String, String) = (a.iter().collect(), b.iter().collect());
                format!(
                    "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t>{a}</w:t></w:r><w:r><w:t xml:space=\"preserve\">{b}</w:t></w:r></w:p>"
                )
            } else {
                format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>")
            }
        };
        let mut body = String::new();
        for b in blocks {
            match b {
                Block::P(p) => body.push_str(&para(p)),
                Block::T(rows) => {
                    body.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid/>");
                    for line in slots(rows) {
                        body.push_str("<w:tr>");
                        for slot in line {
                            match slot {
                                Slot::Cell(cell) => {
                                    body.push_str("<w:tc><w:tcPr>");
                                    if cell.cs > 1 {
                                        body.push_str(&format!("<w:gridSpan w:val=\"{}\"/>", cell.cs));
                                    }
                                    if cell.rs > 1 {
                                        body.push_str("<w:vMerge w:val=\"restart\"/>");
                                    }
                                    body.push_str("</w:tcPr>");
                                    body.push_str(&para(&cell.text));
                                    body.push_str("</w:tc>");
                                }
                                Slot::Covered(w) => {
                                    body.push_str("<w:tc><w:tcPr>");
                                    if w > 1 {
                                        body.push_str(&format!("<w:gridSpan w:val=\"{w}\"/>"));
                                    }
                                    body.push_str("<w:vMerge/></w:tcPr><w:p/></w:tc>");
                                }
                            }
                        }
                        body.push_str("</w:tr>");
                    }
                    body.push_str("</w:tbl>");
                }
            }
        }
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
        );
        docx_archive(xml.as_bytes(), self.r.below(2) == 0)
    }
}

/// Width of text at 10.5 pt: CJK full width, ASCII half width.
fn text_width(s: &str) -> f32 {
    s.chars().map(|c| if c.is_ascii() { 5.25 } else { 10.5 }).sum()
}

/// Lines of at most `width` points.
fn wrap(s: &str, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = if c.is_ascii() { 5.25 } else { 10.5 };
        if w + cw > width.max(10.5) && !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
            w = 0.0;
        }
        cur.push(c);
        w += cw;
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Writes text items in the `pdf_records` format, with a page number at
/// the foot of every page.
struct PdfWriter {
    out: Vec<u8>,
    page: u32,
    y: f32,
    split: bool,
    r: XorShift,
}

impl PdfWriter {
    fn item(&mut self, x: f32, y: f32, t: &str) {
        let bytes = &t.as_bytes()[..t.len().min(255)];
        self.out.push(self.page.min(255) as u8);
        self.out.push(0);
        self.out.extend_from_slice(&((x * 4.0).round() as i16).to_le_bytes());
        self.out.extend_from_slice(&((y * 4.0).round() as i16).to_le_bytes());
        self.out.extend_from_slice(&((text_width(t) * 4.0).round() as u16).to_le_bytes());
        self.out.push(42); // 10.5 pt
        self.out.push(bytes.len() as u8);
        self.out.extend_from_slice(bytes);
    }

    /// One line of text: one item, or pieces of 1–4 characters.
    fn text(&mut self, x: f32, y: f32, t: &str) {
        if t.is_empty() {
            return;
        }
        if !self.split {
            self.item(x, y, t);
            return;
        }
        let chars: Vec<char> = t.chars().collect();
        let mut i = 0;
        let mut x = x;
        while i < chars.len() {
            let n = (1 + self.r.below(4) as usize).min(chars.len() - i);
            let piece: String = chars[i..i + n].iter().collect();
            self.item(x, y, &piece);
            x += text_width(&piece);
            i += n;
        }
    }

    fn footer(&mut self) {
        let label = format!("- {} -", self.page);
        let w = text_width(&label);
        self.item((595.0 - w) / 2.0, 810.0, &label);
    }

    fn new_page(&mut self, top: f32) {
        self.footer();
        self.page += 1;
        self.y = top;
    }
}

fn dec_text(hundredths: u64) -> String {
    match hundredths % 100 {
        0 => format!("{}", hundredths / 100),
        f if f % 10 == 0 => format!("{}.{}", hundredths / 100, f / 10),
        f => format!("{}.{f:02}", hundredths / 100),
    }
}

// ------------------------------------------------------------- .docx files

#[path = "zip.rs"]
mod zip;

/// A minimal .docx around `document_xml`.
pub fn docx_archive(document_xml: &[u8], deflate: bool) -> Vec<u8> {
    zip::docx(document_xml, deflate)
}

/// The `word/document.xml` of a .docx made by [`docx_archive`] (stored or
/// deflated), for fuzz seeds.
pub fn docx_document_xml(docx: &[u8]) -> Option<Vec<u8>> {
    let name = b"word/document.xml";
    let mut i = 0;
    while i + 30 <= docx.len() {
        if &docx[i..i + 4] != b"PK\x03\x04" {
            return None;
        }
        let u16_at = |k: usize| u16::from_le_bytes([docx[k], docx[k + 1]]) as usize;
        let u32_at = |k: usize| u32::from_le_bytes([docx[k], docx[k + 1], docx[k + 2], docx[k + 3]]) as usize;
        let (method, csize, nlen, xlen) = (u16_at(i + 8), u32_at(i + 18), u16_at(i + 26), u16_at(i + 28));
        let start = i + 30 + nlen + xlen;
        let body = docx.get(start..start + csize)?;
        if docx.get(i + 30..i + 30 + nlen)? == name {
            return if method == 0 {
                Some(body.to_vec())
            } else {
                miniz_oxide::inflate::decompress_to_vec(body).ok()
            };
        }
        i = start + csize;
    }
    None
}

// -------------------------------------------------------- PDF text items

/// A synthetic report laid out as PDF text items (the `pdf_items` fuzz
/// target's record format: see benches/common/pdf_records.rs): one line
/// per text line, table cells at column positions, A4 pages of 40 lines.
pub fn pdf_items_bytes(text: &str) -> Vec<u8> {
    fn item(out: &mut Vec<u8>, page: u32, x: f32, y: f32, t: &str) -> f32 {
        let w = t.chars().count() as f32 * 10.5;
        let bytes = &t.as_bytes()[..t.len().min(255)];
        out.push(page.min(255) as u8);
        out.push(0);
        out.extend_from_slice(&((x * 4.0) as i16).to_le_bytes());
        out.extend_from_slice(&((y * 4.0) as i16).to_le_bytes());
        out.extend_from_slice(&((w * 4.0) as u16).to_le_bytes());
        out.push(42); // 10.5 pt
        out.push(bytes.len() as u8);
        out.extend_from_slice(bytes);
        w
    }
    let mut out = Vec::new();
    let mut line_no = 0u32;
    let pos = |line_no: &mut u32| {
        let page = 1 + *line_no / 40;
        let y = 60.0 + (*line_no % 40) as f32 * 18.0;
        *line_no += 1;
        (page, y)
    };
    for line in text.lines() {
        if !line.contains('\t') {
            // A paragraph: wrapped at 40 characters (at most 120 bytes).
            let chars: Vec<char> = line.chars().collect();
            for chunk in chars.chunks(40) {
                let (page, y) = pos(&mut line_no);
                item(&mut out, page, 56.0, y, &chunk.iter().collect::<String>());
            }
            continue;
        }
        let (page, y) = pos(&mut line_no);
        let mut x = 56.0f32;
        for cell in line.split('\t') {
            let chars: Vec<char> = cell.chars().take(60).collect();
            let t: String = chars.iter().collect();
            let w = if t.is_empty() { 0.0 } else { item(&mut out, page, x, y, &t) };
            x += w.max(40.0) + 16.0;
        }
    }
    out
}
