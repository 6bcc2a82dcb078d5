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
