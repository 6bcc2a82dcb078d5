//! The official statistics tables, as data.
//!
//! Each template lists its rows in printed order: the distinctive label
//! fragments a row is recognised by, and the field ids its value columns
//! fill. One reader (`read::tables`) walks every template; nothing here is
//! code. Keys are written in simplified characters and normalised the same
//! way as the document before matching.

/// How a row's label is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The label contains the key.
    Contains,
    /// The label, with its item number (`3.`, `(七)`) removed, is the key.
    Exact,
}

/// How value cells map to columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Columns {
    /// The row has this many value cells, in template order.
    Fixed(usize),
    /// One value; a second (cumulative) column when the header shows 历年累计.
    YearAndCumulative,
    /// Columns are named by the block's header row (table 二).
    ByHeader,
}

/// Which cells of a row are totals (a blank total is unknown, not 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    /// A blank cell is absent.
    Absent,
    /// A blank data cell is 0, a blank total cell is absent (rule 9).
    ZeroExceptTotals,
}

#[derive(Debug, Clone)]
pub struct RowSpec {
    pub keys: &'static [&'static str],
    pub how: Match,
    /// Field ids per value column. For `ByHeader` templates: pairs of
    /// (column header key, id) in `by_header`.
    pub ids: &'static [&'static [&'static str]],
    pub by_header: &'static [(&'static str, &'static str)],
}

#[derive(Debug, Clone)]
pub struct Template {
    pub name: &'static str,
    /// Eras whose reports print this table.
    pub eras: &'static [&'static str],
    pub columns: Columns,
    pub blank: Blank,
    /// Cells that name columns (a row made of them is a header row).
    pub headers: &'static [&'static str],
    /// Label fragments found only in this template (decide between templates
    /// that share rows, e.g. the 福建 appendix and the national table).
    pub distinctive: &'static [&'static str],
    pub rows: &'static [RowSpec],
}

const fn row(keys: &'static [&'static str], ids: &'static [&'static [&'static str]]) -> RowSpec {
    RowSpec { keys, how: Match::Contains, ids, by_header: &[] }
}

const fn hdr(keys: &'static [&'static str], by_header: &'static [(&'static str, &'static str)]) -> RowSpec {
    RowSpec { keys, how: Match::Contains, ids: &[], by_header }
}

/// The 2014–2018 national 《政府信息公开情况统计表》 with the 内蒙古 extension.
pub static E14_TABLE: Template = Template {
    name: "E14 统计表",
    eras: &["E08", "E14"],
    columns: Columns::Fixed(1),
    blank: Blank::Absent,
    headers: &["统计指标", "单位", "统计数", "指标名称", "计量单位"],
    distinctive: &[],
    rows: &[
        row(&["主动公开政府信息数"], &[&["stat.active.total"]]),
        row(&["主动公开规范性文件数"], &[&["stat.active.normative_published"]]),
        row(&["制发规范性文件总数"], &[&["stat.active.normative_issued"]]),
        row(&["政府公报公开政府信息数"], &[&["stat.active.channel.gazette"]]),
        row(&["政府网站公开政府信息数"], &[&["stat.active.channel.website"]]),
        row(&["政务微博公开政府信息数"], &[&["stat.active.channel.weibo"]]),
        row(&["政务微信公开政府信息数"], &[&["stat.active.channel.wechat"]]),
        row(&["其他方式公开政府信息数"], &[&["stat.active.channel.other"]]),
        row(&["回应公众关注热点或重大舆情数"], &[&["stat.response.hotspots"]]),
        row(&["参加或举办新闻发布会总次数"], &[&["stat.response.press_conferences"]]),
        row(&["主要负责同志参加新闻发布会次数"], &[&["stat.response.press_conferences_principal"]]),
        row(&["政府网站在线访谈次数"], &[&["stat.response.online_interviews"]]),
        row(
            &["主要负责同志参加政府网站在线访谈次数", "主要负责同志参加政府网站在线访谈数"],
            &[&["stat.response.online_interviews_principal"]],
        ),
        row(&["政策解读稿件发布数"], &[&["stat.response.interpretation_articles"]]),
        row(&["微博微信回应事件数"], &[&["stat.response.weibo_wechat_events"]]),
        row(&["其他方式回应事件数"], &[&["stat.response.other_events"]]),
        row(&["收到申请数"], &[&["stat.apply.received_total"]]),
        row(&["当面申请数"], &[&["stat.apply.received.in_person"]]),
        row(&["传真申请数"], &[&["stat.apply.received.fax"]]),
        row(&["网络申请数", "网上申请数"], &[&["stat.apply.received.online"]]),
        row(&["信函申请数"], &[&["stat.apply.received.letter"]]),
        row(&["其他形式申请数"], &[&["stat.apply.received.other"]]),
        row(&["申请办结数"], &[&["stat.apply.closed_total"]]),
        row(&["按时办结数"], &[&["stat.apply.closed.on_time"]]),
        row(&["延期办结数"], &[&["stat.apply.closed.extended"]]),
        row(&["申请答复数"], &[&["stat.apply.replied_total"]]),
        row(&["属于已主动公开范围数"], &[&["stat.apply.reply.already_public"]]),
        row(&["同意公开答复数"], &[&["stat.apply.reply.agreed"]]),
        row(&["同意部分公开答复数"], &[&["stat.apply.reply.partial"]]),
        row(&["不同意公开答复数"], &[&["stat.apply.reply.refused_total"]]),
        row(&["涉及国家秘密"], &[&["stat.apply.reply.refused.state_secret"]]),
        row(&["涉及商业秘密"], &[&["stat.apply.reply.refused.commercial_secret"]]),
        row(&["涉及个人隐私"], &[&["stat.apply.reply.refused.privacy"]]),
        row(&["危及国家安全", "危机国家安全"], &[&["stat.apply.reply.refused.security_stability"]]),
        row(&["不是《条例》所指"], &[&["stat.apply.reply.refused.not_gov_info"]]),
        row(&["法律法规规定的其他情形"], &[&["stat.apply.reply.refused.other_legal"]]),
        row(&["不属于本行政机关公开数"], &[&["stat.apply.reply.not_this_agency"]]),
        row(&["申请信息不存在数"], &[&["stat.apply.reply.not_exist"]]),
        row(&["告知作出更改补充数"], &[&["stat.apply.reply.amend_notice"]]),
        row(&["告知通过其他途径办理数", "告知通过转其他途径办理数"], &[&["stat.apply.reply.other_channel"]]),
        row(&["行政复议数量"], &[&["stat.review_total"]]),
        row(&["维持具体行政行为数"], &[&["stat.review.upheld"]]),
        row(&["被依法纠错数"], &[&["stat.review.corrected"]]),
        row(&["其他情形数"], &[&["stat.review.other"]]),
        row(&["行政诉讼数量"], &[&["stat.litigation_total"]]),
        row(&["维持具体行政行为或者驳回原告诉讼请求数"], &[&["stat.litigation.upheld"]]),
        row(&["被依法纠错数"], &[&["stat.litigation.corrected"]]),
        row(&["其他情形数"], &[&["stat.litigation.other"]]),
        row(&["举报投诉数量"], &[&["stat.complaints_total"]]),
        row(&["依申请公开信息收取的费用"], &[&["stat.fees_collected"]]),
        row(&["政府信息公开工作专门机构数"], &[&["stat.org.dedicated_bodies"]]),
        row(&["设置政府信息公开查阅点数"], &[&["stat.org.reading_points"]]),
        row(&["从事政府信息公开工作人员数"], &[&["stat.org.staff_total"]]),
        row(&["专职人员数"], &[&["stat.org.staff.full_time"]]),
        row(&["兼职人员数"], &[&["stat.org.staff.part_time"]]),
        row(&["政府信息公开专项经费"], &[&["stat.org.budget"]]),
        row(&["召开政府信息公开工作会议或专题会议"], &[&["stat.training.meetings"]]),
        row(&["举办各类培训班数"], &[&["stat.training.classes"]]),
        row(&["接受培训人员数"], &[&["stat.training.trainees"]]),
        // 内蒙古 extension (十、十一).
        row(&["网站是否具备网上办事功能"], &[&["stat.ext_nm.web.has_online_service"]]),
        row(&["网上办理事项内容"], &[&["stat.ext_nm.web.online_items"]]),
        row(&["是否与政务服务中心审批系统联网"], &[&["stat.ext_nm.web.linked_approval_system"]]),
        row(&["是否与政务服务中心电子监察系统联网"], &[&["stat.ext_nm.web.linked_supervision_system"]]),
        row(&["现有行政审批项目"], &[&["stat.ext_nm.service.approval_items"]]),
        row(&["行政许可项目"], &[&["stat.ext_nm.service.approval_items.license"]]),
        row(&["非行政许可审批项目"], &[&["stat.ext_nm.service.approval_items.non_license"]]),
        row(&["已进驻政务服务中心办理行政审批项目"], &[&["stat.ext_nm.service.in_center"]]),
        row(&["行政许可项目"], &[&["stat.ext_nm.service.in_center.license"]]),
        row(&["非行政许可审批项目"], &[&["stat.ext_nm.service.in_center.non_license"]]),
        row(&["是否与公共资源交易中心合署办公"], &[&["stat.ext_nm.service.colocated_trading_center"]]),
        row(&["是否建立行政审批和电子监察系统"], &[&["stat.ext_nm.service.has_supervision_system"]]),
        row(&["已建成政务服务中心"], &[&["stat.ext_nm.service.county_centers_built"]]),
        row(&["在建政务服务中心"], &[&["stat.ext_nm.service.county_centers_building"]]),
        row(&["未建政务服务中心"], &[&["stat.ext_nm.service.county_centers_none"]]),
        row(&["已配备电子监察系统"], &[&["stat.ext_nm.service.county_supervision"]]),
        row(&["苏木乡镇街道办事处"], &[&["stat.ext_nm.service.townships"]]),
        row(&["已建成综合便民服务中心"], &[&["stat.ext_nm.service.townships_with_center"]]),
        row(&["嘎查村"], &[&["stat.ext_nm.service.villages"]]),
        row(&["已建成便民代办点"], &[&["stat.ext_nm.service.villages_with_point"]]),
    ],
};

/// The 福建 附表 (本年度 | 历年累计). The year column also states the
/// national-table fact where one row means exactly that fact (rule 2).
pub static FJ_APPENDIX: Template = Template {
    name: "福建附表",
    eras: &["E08", "E14"],
    columns: Columns::YearAndCumulative,
    blank: Blank::Absent,
    headers: &["指标名称", "单位", "历年累计", "本年度", "统计指标"],
    distinctive: &["主动公开文件数", "受理政府信息公开申请总数", "对申请的答复总数", "其他类型答复数", "接受行政申诉、举报数", "历年累计"],
    rows: &[
        row(&["主动公开文件数"], &[&["local.fj.active_docs.year", "stat.active.total"], &["local.fj.active_docs.cumulative"]]),
        row(&["政府网站公开数"], &[&["local.fj.active.website.year", "stat.active.channel.website"], &["local.fj.active.website.cumulative"]]),
        row(&["政府公报公开数"], &[&["local.fj.active.gazette.year", "stat.active.channel.gazette"], &["local.fj.active.gazette.cumulative"]]),
        row(&["受理政府信息公开申请总数"], &[&["local.fj.apply.received_total.year", "stat.apply.received_total"], &["local.fj.apply.received_total.cumulative"]]),
        row(&["当面申请数"], &[&["local.fj.apply.received.in_person.year", "stat.apply.received.in_person"], &["local.fj.apply.received.in_person.cumulative"]]),
        row(&["网上申请数"], &[&["local.fj.apply.received.online.year", "stat.apply.received.online"], &["local.fj.apply.received.online.cumulative"]]),
        row(&["信函、传真申请数"], &[&["local.fj.apply.received.letter_fax.year"], &["local.fj.apply.received.letter_fax.cumulative"]]),
        row(&["对申请的答复总数"], &[&["local.fj.apply.replied_total.year", "stat.apply.replied_total"], &["local.fj.apply.replied_total.cumulative"]]),
        row(&["同意公开答复数"], &[&["local.fj.apply.reply.agreed.year", "stat.apply.reply.agreed"], &["local.fj.apply.reply.agreed.cumulative"]]),
        row(&["同意部分公开答复数"], &[&["local.fj.apply.reply.partial.year", "stat.apply.reply.partial"], &["local.fj.apply.reply.partial.cumulative"]]),
        row(&["不予公开答复数"], &[&["local.fj.apply.reply.refused.year", "stat.apply.reply.refused_total"], &["local.fj.apply.reply.refused.cumulative"]]),
        row(&["其他类型答复数"], &[&["local.fj.apply.reply.other_type.year"], &["local.fj.apply.reply.other_type.cumulative"]]),
        row(&["接受行政申诉、举报数"], &[&["local.fj.complaints.year", "stat.complaints_total"], &["local.fj.complaints.cumulative"]]),
        row(&["行政复议数"], &[&["local.fj.review.year", "stat.review_total"], &["local.fj.review.cumulative"]]),
        row(&["行政诉讼数"], &[&["local.fj.litigation.year", "stat.litigation_total"], &["local.fj.litigation.cumulative"]]),
    ],
};

/// Table 二 (2019 and 2021 layouts): rows by item, columns by header.
pub static T2: Template = Template {
    name: "表二 主动公开政府信息情况",
    eras: &["E19", "E21"],
    columns: Columns::ByHeader,
    blank: Blank::ZeroExceptTotals,
    headers: &[
        "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量", "本年制发件数", "本年废止件数",
        "现行有效件数", "上一年项目数量", "本年增/减", "本年增减", "处理决定数量", "本年处理决定数量",
        "本年收费金额", "采购项目数量", "采购总金额",
    ],
    distinctive: &[],
    rows: &[
        hdr(&["规章"], &[
            ("本年新制作数量", "active.art20_1.regulations.new_made"),
            ("本年新公开数量", "active.art20_1.regulations.new_published"),
            ("对外公开总数量", "active.art20_1.regulations.total_published"),
            ("本年制发件数", "active.art20_1.regulations.issued"),
            ("本年废止件数", "active.art20_1.regulations.repealed"),
            ("现行有效件数", "active.art20_1.regulations.in_force"),
        ]),
        hdr(&["规范性文件"], &[
            ("本年新制作数量", "active.art20_1.normative_docs.new_made"),
            ("本年新公开数量", "active.art20_1.normative_docs.new_published"),
            ("对外公开总数量", "active.art20_1.normative_docs.total_published"),
            ("本年制发件数", "active.art20_1.normative_docs.issued"),
            ("本年废止件数", "active.art20_1.normative_docs.repealed"),
            ("现行有效件数", "active.art20_1.normative_docs.in_force"),
        ]),
        hdr(&["行政许可"], &[
            ("上一年项目数量", "active.art20_5.admin_license.prev_year_count"),
            ("本年增", "active.art20_5.admin_license.change"),
            ("处理决定数量", "active.art20_5.admin_license.decisions"),
        ]),
        hdr(&["其他对外管理服务事项"], &[
            ("上一年项目数量", "active.art20_5.other_services.prev_year_count"),
            ("本年增", "active.art20_5.other_services.change"),
            ("处理决定数量", "active.art20_5.other_services.decisions"),
        ]),
        hdr(&["行政处罚"], &[
            ("上一年项目数量", "active.art20_6.admin_penalty.prev_year_count"),
            ("本年增", "active.art20_6.admin_penalty.change"),
            ("处理决定数量", "active.art20_6.admin_penalty.decisions"),
        ]),
        hdr(&["行政强制"], &[
            ("上一年项目数量", "active.art20_6.admin_coercion.prev_year_count"),
            ("本年增", "active.art20_6.admin_coercion.change"),
            ("处理决定数量", "active.art20_6.admin_coercion.decisions"),
        ]),
        hdr(&["行政事业性收费"], &[
            ("上一年项目数量", "active.art20_8.admin_fees.prev_year_count"),
            ("本年增", "active.art20_8.admin_fees.change"),
            ("本年收费金额", "active.art20_8.admin_fees.amount"),
        ]),
        hdr(&["政府集中采购"], &[
            ("采购项目数量", "active.art20_9.central_procurement.project_count"),
            ("采购总金额", "active.art20_9.central_procurement.total_amount"),
        ]),
    ],
};

macro_rules! t3_row {
    ($how:ident, [$($k:literal),+], $id:literal) => {
        RowSpec {
            keys: &[$($k),+],
            how: Match::$how,
            ids: &[
                &[concat!("applications.", $id, ".natural_person")],
                &[concat!("applications.", $id, ".commercial")],
                &[concat!("applications.", $id, ".research")],
                &[concat!("applications.", $id, ".social_welfare")],
                &[concat!("applications.", $id, ".legal_service")],
                &[concat!("applications.", $id, ".other_org")],
                &[concat!("applications.", $id, ".total")],
            ],
            by_header: &[],
        }
    };
}

/// Table 三: 26 rows × 7 applicant columns (总计 last).
pub static T3: Template = Template {
    name: "表三 收到和处理政府信息公开申请情况",
    eras: &["E19", "E21"],
    columns: Columns::Fixed(7),
    blank: Blank::ZeroExceptTotals,
    headers: &[
        "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
        "其他", "总计", "勾稽关系",
    ],
    distinctive: &[],
    rows: &[
        t3_row!(Contains, ["本年新收政府信息公开申请数量", "本年新收"], "new_received"),
        t3_row!(Contains, ["上年结转政府信息公开申请数量", "上年结转"], "carried_over"),
        t3_row!(Contains, ["予以公开"], "results.granted"),
        t3_row!(Contains, ["部分公开"], "results.partial"),
        t3_row!(Contains, ["属于国家秘密"], "results.denied.state_secret"),
        t3_row!(Contains, ["其他法律行政法规禁止公开", "其他法律行政"], "results.denied.law_prohibited"),
        t3_row!(Contains, ["三安全一稳定"], "results.denied.security_stability"),
        t3_row!(Contains, ["保护第三方合法权益"], "results.denied.third_party"),
        t3_row!(Contains, ["三类内部事务信息"], "results.denied.internal_affairs"),
        t3_row!(Contains, ["四类过程性信息"], "results.denied.process_info"),
        t3_row!(Contains, ["行政执法案卷"], "results.denied.enforcement_file"),
        t3_row!(Contains, ["行政查询事项"], "results.denied.admin_query"),
        t3_row!(Contains, ["本机关不掌握相关政府信息", "不掌握相关政府信息"], "results.unable.not_held"),
        t3_row!(Contains, ["没有现成信息需要另行制作", "需要另行制作"], "results.unable.needs_creation"),
        t3_row!(Contains, ["补正后申请内容仍不明确", "申请内容仍不明确"], "results.unable.unclear"),
        t3_row!(Contains, ["信访举报投诉类申请"], "results.not_processed.petition"),
        t3_row!(Contains, ["重复申请"], "results.not_processed.duplicate"),
        t3_row!(Contains, ["要求提供公开出版物", "公开出版物"], "results.not_processed.publication"),
        t3_row!(Contains, ["无正当理由大量反复申请", "大量反复申请"], "results.not_processed.mass_repeat"),
        t3_row!(Contains, ["要求行政机关确认或重新出具已获取信息", "重新出具已获取信息"], "results.not_processed.confirm_reissue"),
        t3_row!(Contains, ["其他处理"], "results.other_total"),
        t3_row!(Contains, ["无正当理由逾期不补正", "逾期不补正"], "results.other.no_correction"),
        t3_row!(Contains, ["逾期未按收费通知要求缴纳费用", "未按收费通知要求缴纳费用"], "results.other.unpaid_fee"),
        t3_row!(Exact, ["其他"], "results.other.other"),
        t3_row!(Exact, ["总计", "合计"], "results.total"),
        t3_row!(Contains, ["结转下年度继续办理", "结转下年度"], "carried_forward"),
    ],
};

/// Table 四: one row of 15 numbers (行政复议 5, 直接起诉 5, 复议后起诉 5).
pub static T4: Template = Template {
    name: "表四 行政复议、行政诉讼情况",
    eras: &["E19", "E21"],
    columns: Columns::Fixed(15),
    blank: Blank::ZeroExceptTotals,
    headers: &[
        "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉",
        "复议后起诉",
    ],
    distinctive: &[],
    rows: &[RowSpec {
        keys: &[],
        how: Match::Contains,
        ids: &[
            &["review.upheld"],
            &["review.corrected"],
            &["review.other"],
            &["review.pending"],
            &["review.total"],
            &["litigation.direct.upheld"],
            &["litigation.direct.corrected"],
            &["litigation.direct.other"],
            &["litigation.direct.pending"],
            &["litigation.direct.total"],
            &["litigation.after_review.upheld"],
            &["litigation.after_review.corrected"],
            &["litigation.after_review.other"],
            &["litigation.after_review.pending"],
            &["litigation.after_review.total"],
        ],
        by_header: &[],
    }],
};

/// Every template, in the order the reader tries them.
pub fn all() -> [&'static Template; 5] {
    [&E14_TABLE, &FJ_APPENDIX, &T2, &T3, &T4]
}

/// True when the id is a total column/row (its blank cell is unknown).
pub fn is_total_id(id: &str) -> bool {
    id.ends_with(".total") || id.ends_with("_total")
}
