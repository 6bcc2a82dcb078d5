//! How the narrative states each field: the phrases that anchor a number,
//! the units it may carry, and the negations that state zero.
//!
//! Anchors are written in simplified characters; `*` stands for up to ten
//! characters of filler (`政府网站*公开` matches 政府网站累计公开). A rule
//! lists the ids of every era; the reader keeps the ones valid for the
//! report's era (ANNOTATION rule 0). The engine is `read::narrative`.

/// Where the number stands relative to the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// `收到申请40件`
    After,
    /// `召开了12次新闻发布会`, `两次举办…培训`
    Before,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub ids: &'static [&'static str],
    pub anchors: &'static [&'static str],
    pub pos: Pos,
    /// Units the number may carry; the number must be followed by one.
    pub units: &'static [&'static str],
    /// The sentence must contain one of these (empty: no condition).
    pub require: &'static [&'static str],
    /// The sentence must contain none of these.
    pub exclude: &'static [&'static str],
    /// Characters allowed between the number and the anchor (`Before` rules).
    pub gap: usize,
}

const fn after(ids: &'static [&'static str], anchors: &'static [&'static str], units: &'static [&'static str]) -> Rule {
    Rule { ids, anchors, pos: Pos::After, units, require: &[], exclude: &[], gap: 0 }
}

const COUNT: &[&str] = &["件", "起", "宗", "个", "条", "份"];
const ITEMS: &[&str] = &["条", "件", "项"];
const TIMES: &[&str] = &["次", "场", "期", "个"];
const PEOPLE: &[&str] = &["人次", "人", "名"];
/// Topic words that make a training sentence about disclosure work.
const DISCLOSURE: &[&str] = &["政务公开", "政府信息公开", "信息公开"];

/// Number-bearing phrases.
pub static RULES: &[Rule] = &[
    // 主动公开
    after(&["stat.active.total", "summary.active.items"], &["主动公开*政府信息", "主动公开政府信息数"], &["条", "件"]),
    after(&["stat.active.total"], &["公开各类信息"], &["条"]),
    after(&["stat.active.normative_published"], &["主动公开规范性文件", "权利义务的规范性文件"], &["条", "件"]),
    after(&["stat.active.normative_issued"], &["制发规范性文件总数", "制发规范性文件"], &["件", "条"]),
    after(&["stat.active.channel.gazette"], &["政府公报公开"], ITEMS),
    after(&["stat.active.channel.website"], &["政府网站*公开", "门户网站*公开"], ITEMS),
    after(&["stat.active.channel.weibo"], &["政务微博公开"], ITEMS),
    after(&["stat.active.channel.wechat"], &["政务微信公开"], ITEMS),
    after(&["stat.active.channel.other"], &["其他方式公开"], ITEMS),
    // 回应解读
    after(&["stat.response.hotspots"], &["回应公众关注热点或重大舆情"], &["次", "个", "条"]),
    after(&["stat.response.press_conferences"], &["参加或举办新闻发布会", "新闻发布会"], TIMES),
    Rule { ids: &["stat.response.press_conferences"], anchors: &["新闻发布会"], pos: Pos::Before, units: &["次", "场"], require: &[], exclude: &[], gap: 0 },
    after(&["stat.response.press_conferences_principal"], &["主要负责同志参加新闻发布会"], TIMES),
    after(&["stat.response.online_interviews"], &["政府网站在线访谈", "在线访谈"], TIMES),
    after(
        &["stat.response.online_interviews_principal"],
        &["主要负责同志参加政府网站在线访谈", "主要负责同志参加在线访谈", "主要负责同志参加访谈"],
        TIMES,
    ),
    after(&["stat.response.interpretation_articles"], &["政策解读稿件发布", "政策解读稿件"], &["篇", "件", "条"]),
    after(&["stat.response.weibo_wechat_events"], &["微博微信回应事件"], TIMES),
    after(&["stat.response.other_events"], &["其他方式回应事件"], TIMES),
    // 依申请公开
    after(
        &["stat.apply.received_total", "applications.new_received.total"],
        &[
            "收到申请数",
            "收到*政府信息公开申请",
            "收到申请公开政府信息",
            "收到依申请公开",
            "受理*政府信息公开申请",
            "新收*政府信息公开申请",
            "受理依申请公开",
            "依申请公开案件",
        ],
        COUNT,
    ),
    after(&["stat.apply.received.in_person"], &["当面申请", "现场申请"], COUNT),
    after(&["stat.apply.received.fax"], &["传真申请"], COUNT),
    after(&["stat.apply.received.online"], &["网络申请", "网上申请", "互联网申请"], COUNT),
    after(&["stat.apply.received.letter"], &["信函申请"], COUNT),
    after(&["stat.apply.received.other"], &["其他申请", "其他形式申请"], COUNT),
    after(&["stat.apply.closed_total"], &["申请办结数"], COUNT),
    Rule { ids: &["stat.apply.closed_total"], anchors: &["办结"], pos: Pos::After, units: COUNT, require: &["申请"], exclude: &[], gap: 0 },
    Rule { ids: &["stat.apply.replied_total"], anchors: &["答复"], pos: Pos::After, units: COUNT, require: &["申请"], exclude: &["留言", "咨询", "诉求"], gap: 0 },
    after(&["stat.apply.closed.on_time"], &["按时办结"], COUNT),
    after(&["stat.apply.closed.extended"], &["延期办结"], COUNT),
    after(&["stat.apply.replied_total", "applications.results.total.total"], &["申请答复数", "答复政府信息公开申请"], COUNT),
    after(&["stat.apply.reply.already_public"], &["属于已主动公开范围"], COUNT),
    after(&["stat.apply.reply.agreed"], &["同意公开答复", "同意公开"], COUNT),
    after(&["stat.apply.reply.partial"], &["同意部分公开答复", "同意部分公开", "部分公开答复"], COUNT),
    after(&["stat.apply.reply.refused_total"], &["不同意公开答复", "不同意公开", "不予公开答复", "不予公开"], COUNT),
    after(&["stat.apply.reply.not_this_agency"], &["不属于本行政机关公开", "不属于本机关政府信息", "不属于本机关", "非本机关掌握"], COUNT),
    after(&["stat.apply.reply.not_exist"], &["申请信息不存在", "信息不存在"], COUNT),
    after(&["stat.apply.reply.amend_notice"], &["告知作出更改补充"], COUNT),
    after(&["stat.apply.reply.other_channel"], &["告知通过其他途径办理", "告知通过转其他途径办理"], COUNT),
    // 2019+ narratives mirror table 三's categories (其他处理0件 fills a blank
    // total; the subtotals are derived values, compared with the table).
    after(&["applications.results.other_total.total"], &["其他处理"], COUNT),
    after(&["applications.results.denied_total.total"], &["不予公开"], COUNT),
    after(&["applications.results.unable_total.total"], &["无法提供"], COUNT),
    after(&["applications.results.not_processed_total.total"], &["不予处理"], COUNT),
    // 行政复议、行政诉讼
    after(&["stat.review_total", "review.total"], &["行政复议申请数量", "行政复议申请", "行政复议"], COUNT),
    Rule {
        ids: &["stat.review.upheld"],
        anchors: &["维持具体行政行为"],
        pos: Pos::After,
        units: COUNT,
        require: &["复议"],
        exclude: &["诉讼", "诉状"],
        gap: 0,
    },
    Rule { ids: &["stat.review.corrected"], anchors: &["被依法纠错", "依法纠错"], pos: Pos::After, units: COUNT, require: &["复议"], exclude: &["诉讼", "诉状"], gap: 0 },
    Rule { ids: &["stat.review.other"], anchors: &["其他情形"], pos: Pos::After, units: COUNT, require: &["复议"], exclude: &["诉讼", "诉状"], gap: 0 },
    Rule { ids: &["stat.review.upheld"], anchors: &["维持"], pos: Pos::After, units: COUNT, require: &["复议"], exclude: &["诉讼", "诉状"], gap: 0 },
    Rule { ids: &["stat.review.corrected"], anchors: &["纠错", "纠正"], pos: Pos::After, units: COUNT, require: &["复议"], exclude: &["诉讼", "诉状"], gap: 0 },
    Rule {
        ids: &["stat.litigation.upheld"],
        anchors: &["维持具体行政行为或者驳回原告诉讼请求", "驳回原告诉讼请求", "维持"],
        pos: Pos::After,
        units: COUNT,
        require: &["诉讼"],
        exclude: &["复议"],
        gap: 0,
    },
    Rule { ids: &["stat.litigation.corrected"], anchors: &["被依法纠错", "依法纠错", "纠错"], pos: Pos::After, units: COUNT, require: &["诉讼"], exclude: &["复议"], gap: 0 },
    Rule { ids: &["stat.litigation.other"], anchors: &["其他情形"], pos: Pos::After, units: COUNT, require: &["诉讼"], exclude: &["复议"], gap: 0 },
    Rule { ids: &["review.upheld"], anchors: &["结果维持"], pos: Pos::After, units: COUNT, require: &["复议"], exclude: &["诉讼"], gap: 0 },
    Rule { ids: &["review.corrected"], anchors: &["结果纠正"], pos: Pos::After, units: COUNT, require: &["复议"], exclude: &["诉讼"], gap: 0 },
    Rule { ids: &["review.other"], anchors: &["其他结果"], pos: Pos::After, units: COUNT, require: &["复议"], exclude: &["诉讼"], gap: 0 },
    Rule { ids: &["review.pending"], anchors: &["尚未审结"], pos: Pos::After, units: COUNT, require: &["复议"], exclude: &["诉讼"], gap: 0 },
    after(&["stat.litigation_total", "litigation.all.total"], &["行政诉讼", "行政诉状"], COUNT),
    Rule { ids: &["stat.litigation_total", "litigation.all.total"], anchors: &["行政诉讼"], pos: Pos::Before, units: &["起", "件"], require: &[], exclude: &[], gap: 0 },
    // 上年结转 / 结转下年度 (2019+)
    after(&["applications.carried_over.total"], &["上年结转", "上年度结转"], COUNT),
    after(&["applications.carried_forward.total"], &["结转下年度继续办理", "结转下年度", "结转至下年度", "结转到下年度"], COUNT),
    Rule {
        ids: &["applications.carried_forward.total"],
        anchors: &["顺延到下年度", "顺延至下年度", "结转至下年度", "结转到下年度"],
        pos: Pos::Before,
        units: &["件"],
        require: &[],
        exclude: &[],
        gap: 12,
    },
    // 举报投诉 (2014–2018 table 六)
    Rule {
        ids: &["stat.complaints_total"],
        anchors: &["举报投诉数量", "举报投诉"],
        pos: Pos::After,
        units: COUNT,
        require: &["政府信息公开"],
        exclude: &["热线", "12345", "留言", "信访"],
        gap: 0,
    },
    // 费用 (2014–2018: 万元; amounts in 元 are converted)
    Rule {
        ids: &["stat.fees_collected"],
        anchors: &["收取*费用", "收取*费", "收费"],
        pos: Pos::After,
        units: &["万元", "元"],
        require: &["政府信息公开", "依申请公开", "信息公开"],
        exclude: &["信息处理费", "行政事业性收费"],
        gap: 0,
    },
    // 信息处理费 (元)
    after(&["fees.info_processing.amount_collected"], &["信息处理费"], &["元", "万元"]),
    Rule {
        ids: &["fees.info_processing.cases_charged"],
        anchors: &["收取信息处理费"],
        pos: Pos::Before,
        units: &["件"],
        require: &[],
        exclude: &[],
        gap: 12,
    },
    after(&["fees.info_processing.notices_issued"], &["发出收费通知"], &["件", "份"]),
    // 机构和培训
    after(&["stat.org.staff_total"], &["从事政府信息公开工作*人员", "政府信息公开工作人员"], PEOPLE),
    after(
        &["stat.training.meetings"],
        &["召开政府信息公开工作会议或专题会议", "政府信息公开工作会议", "政务公开工作会议", "政务公开专题会议", "政府信息公开专题会议"],
        TIMES,
    ),
    Rule {
        ids: &["stat.training.meetings"],
        anchors: &["政府信息公开工作会议", "政务公开工作会议", "政务公开专题会议", "政府信息公开专题会议"],
        pos: Pos::Before,
        units: &["次", "场"],
        require: &[],
        exclude: &[],
        gap: 2,
    },
    after(&["stat.org.staff.full_time", "summary.staff.full_time"], &["专职工作人员", "专职人员"], PEOPLE),
    after(&["stat.org.staff.part_time", "summary.staff.part_time"], &["兼职工作人员", "兼职人员"], PEOPLE),
    Rule {
        ids: &["stat.training.classes"],
        anchors: &["培训班", "培训会", "培训"],
        pos: Pos::Before,
        units: &["次", "场", "期", "个"],
        require: DISCLOSURE,
        exclude: &[],
        gap: 12,
    },
    Rule {
        ids: &["stat.training.classes"],
        anchors: &["举办各类培训班", "举办培训班", "培训班", "培训会"],
        pos: Pos::After,
        units: &["次", "场", "期", "个"],
        require: DISCLOSURE,
        exclude: &[],
        gap: 0,
    },
    Rule {
        ids: &["stat.training.trainees", "summary.training.trainees"],
        anchors: &["接受培训人员", "培训*人员"],
        pos: Pos::After,
        units: PEOPLE,
        require: DISCLOSURE,
        exclude: &[],
        gap: 0,
    },
];

/// A negation that states zero: a negator before (or 为零 after) one of the
/// topics, in one clause that mentions none of the exclusions.
#[derive(Debug, Clone)]
pub struct Negation {
    pub ids: &'static [&'static str],
    /// Every group must be matched by one of its words.
    pub topics: &'static [&'static [&'static str]],
    pub exclude: &'static [&'static str],
}

/// Words that negate a quantity (ANNOTATION rule 7).
pub const NEGATORS: &[&str] = &["没有", "未", "无", "不存在", "尚未", "暂无"];
/// Negators that follow the topic.
pub const NEGATORS_AFTER: &[&str] = &["为零", "为0", "均为零", "均为0"];

pub static NEGATIONS: &[Negation] = &[
    Negation { ids: &["stat.review_total", "review.total"], topics: &[&["复议"]], exclude: &["复议申请数量"] },
    Negation {
        ids: &["stat.litigation_total", "litigation.direct.total", "litigation.after_review.total"],
        topics: &[&["诉讼"]],
        exclude: &["费用"],
    },
    Negation {
        ids: &["stat.apply.received_total", "applications.new_received.total"],
        topics: &[&["申请", "依申请"], &["公开"]],
        exclude: &["咨询", "复议", "诉讼", "费", "不予公开答复", "未予公开", "逾期"],
    },
    Negation {
        ids: &["stat.fees_collected", "fees.info_processing.amount_collected"],
        topics: &[&["收费", "收取"]],
        exclude: &["行政事业性收费"],
    },
    Negation { ids: &["stat.apply.reply.refused_total"], topics: &[&["\"不予公开\"答复", "不予公开答复"]], exclude: &[] },
];

/// Words before an anchor that make a figure a part of the whole (市本级,
/// 区政府…) when the sentence also states the whole.
pub const SUBSET_MARKERS: &[&str] = &[
    "区政府", "市政府", "县政府", "镇政府", "乡政府", "市本级", "本级", "县区", "县(市、区)", "区直", "市直", "县直", "街道",
    "高新区", "开发区", "各地区", "乡镇", "部门网站",
];

/// Words that make a figure cumulative over years (rule 5).
pub const CUMULATIVE_MARKERS: &[&str] = &["以来", "历年", "到目前", "截至目前", "截止目前", "至今"];

/// Phrases that say every application received was closed (closed = received).
pub const ALL_CLOSED: &[&str] = &["全部办结", "均已办结", "均办结", "全部办理完毕", "均已办理完毕"];
