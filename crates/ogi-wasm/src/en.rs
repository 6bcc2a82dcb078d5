//! English renderings of the official tables' printed labels, for the page's
//! English switch. The Chinese label is always the official one; these are
//! only a reading aid.

/// English for an item number printed before a label: `一、` → `I. `,
/// `（一）` → `(1) `, `1.` stays, `其中：` → `of which: `.
fn prefix(label: &str) -> (String, &str) {
    const CN: [&str; 12] = [
        "十一", "十二", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    const ROMAN: [&str; 12] = [
        "XI", "XII", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    ];
    const PAREN: [&str; 12] = [
        "11", "12", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
    ];
    let s = label.trim();
    if let Some(rest) = s.strip_prefix("其中：") {
        let (p, r) = prefix(rest);
        return (format!("of which: {p}"), r);
    }
    for (i, n) in CN.iter().enumerate() {
        if let Some(rest) = s.strip_prefix(&format!("{n}、")) {
            return (format!("{}. ", ROMAN[i]), rest);
        }
        if let Some(rest) = s.strip_prefix(&format!("（{n}）")) {
            return (format!("({}) ", PAREN[i]), rest);
        }
    }
    // 1. / 2.（ASCII or full-width dot）
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        let rest = &s[digits.len()..];
        for dot in [".", "．", "、"] {
            if let Some(r) = rest.strip_prefix(dot) {
                return (format!("{digits}. "), r);
            }
        }
    }
    (String::new(), s)
}

/// English for one printed label (with its item number), or the label
/// itself when there is no English for it.
pub fn en(label: &str) -> String {
    let (p, core) = prefix(label);
    match word(core.trim()) {
        Some(w) => format!("{p}{w}"),
        None => {
            // 第二十条第（一）项 → Article 20, item (1)
            if let Some(item) = core
                .strip_prefix("第二十条第（")
                .and_then(|r| r.strip_suffix("）项"))
            {
                let (n, _) = prefix(&format!("（{item}）"));
                return format!("Article 20, item {}", n.trim());
            }
            label.to_string()
        }
    }
}

/// Whether `en` knows the label (used by the tests: every printed label has
/// an English rendering).
pub fn has_en(label: &str) -> bool {
    let (_, core) = prefix(label);
    word(core.trim()).is_some() || core.starts_with("第二十条第（")
}

fn word(zh: &str) -> Option<&'static str> {
    Some(match zh {
        // Table titles and column heads.
        "政府信息公开情况统计表" => "Government information disclosure statistics",
        "统计指标" => "Indicator",
        "指标名称" => "Indicator",
        "单位" => "Unit",
        "统计数" => "Count",
        "本年度" => "This year",
        "历年累计" => "Cumulative",
        "附表（福建）" => "Appendix (Fujian)",
        "主动公开政府信息情况" => "Proactive disclosure",
        "收到和处理政府信息公开申请情况" => "Requests received and handled",
        "政府信息公开行政复议、行政诉讼情况" => {
            "Administrative reviews and lawsuits"
        }
        // 2014–2018 table.
        "主动公开情况" => "Proactive disclosure",
        "主动公开政府信息数（不同渠道和方式公开相同信息计1条）" => {
            "Information proactively disclosed (the same item through several channels counts once)"
        }
        "主动公开规范性文件数" => "Normative documents disclosed",
        "制发规范性文件总数" => "Normative documents issued",
        "通过不同渠道和方式公开政府信息的情况" => "Disclosure by channel",
        "政府公报公开政府信息数" => "Through the government gazette",
        "政府网站公开政府信息数" => "Through government websites",
        "政务微博公开政府信息数" => "Through government Weibo",
        "政务微信公开政府信息数" => "Through government WeChat",
        "其他方式公开政府信息数" => "Through other channels",
        "回应解读情况" => "Responses and policy interpretation",
        "回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）" => {
            "Responses to public concerns or major public opinion (one per topic)"
        }
        "通过不同渠道和方式回应解读的情况" => "Responses by channel",
        "参加或举办新闻发布会总次数" => "Press conferences held or attended",
        "主要负责同志参加新闻发布会次数" => "attended by principal leaders",
        "政府网站在线访谈次数" => "Online interviews on government websites",
        "主要负责同志参加政府网站在线访谈次数" => "with principal leaders",
        "政策解读稿件发布数" => "Policy interpretation articles",
        "微博微信回应事件数" => "Events answered on Weibo or WeChat",
        "其他方式回应事件数" => "Events answered by other means",
        "依申请公开情况" => "Disclosure on request",
        "收到申请数" => "Requests received",
        "当面申请数" => "In person",
        "传真申请数" => "By fax",
        "网络申请数" => "Online",
        "网上申请数" => "Online",
        "信函申请数" => "By letter",
        "其他形式申请数" => "Other forms",
        "申请办结数" => "Requests closed",
        "按时办结数" => "On time",
        "延期办结数" => "With an extension",
        "申请答复数" => "Requests answered",
        "属于已主动公开范围数" => "Already proactively disclosed",
        "同意公开答复数" => "Disclosure granted",
        "同意部分公开答复数" => "Partial disclosure granted",
        "不同意公开答复数" => "Disclosure refused",
        "涉及国家秘密" => "State secrets",
        "涉及商业秘密" => "Commercial secrets",
        "涉及个人隐私" => "Personal privacy",
        "危及国家安全、公共安全、经济安全和社会稳定" => {
            "Endangers national, public or economic security or social stability"
        }
        "不是《条例》所指政府信息" => {
            "Not government information under the Regulations"
        }
        "法律法规规定的其他情形" => "Other cases set by laws and regulations",
        "不属于本行政机关公开数" => "Not this agency's to disclose",
        "申请信息不存在数" => "Information does not exist",
        "告知作出更改补充数" => "Asked to amend or supplement",
        "告知通过其他途径办理数" => "Referred to other channels",
        "行政复议数量" => "Administrative reviews",
        "维持具体行政行为数" => "Decision upheld",
        "被依法纠错数" => "Corrected",
        "其他情形数" => "Other outcomes",
        "行政诉讼数量" => "Administrative lawsuits",
        "维持具体行政行为或者驳回原告诉讼请求数" => {
            "Decision upheld or claim dismissed"
        }
        "举报投诉数量" => "Complaints and reports",
        "依申请公开信息收取的费用" => "Fees collected for disclosure on request",
        "机构建设和保障经费情况" => "Organisation and funding",
        "政府信息公开工作专门机构数" => "Dedicated disclosure bodies",
        "设置政府信息公开查阅点数" => "Public reading points",
        "从事政府信息公开工作人员数" => "Staff working on disclosure",
        "专职人员数（不包括政府公报及政府网站工作人员数）" => {
            "Full-time (excluding gazette and website staff)"
        }
        "兼职人员数" => "Part-time",
        "政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）" => {
            "Dedicated budget (excluding gazette and website costs)"
        }
        "政府信息公开会议和培训情况" => "Meetings and training",
        "召开政府信息公开工作会议或专题会议数" => "Work meetings held",
        "举办各类培训班数" => "Training courses held",
        "接受培训人员数" => "Trainees",
        // 内蒙古 extension.
        "政府门户网站网上办理情况" => "Online services on the government portal",
        "网站是否具备网上办事功能" => "The portal offers online services",
        "网上办理事项内容" => "Online service items",
        "是否与政务服务中心审批系统联网" => {
            "Linked to the service centre's approval system"
        }
        "是否与政务服务中心电子监察系统联网" => {
            "Linked to the service centre's e-supervision system"
        }
        "政府服务体系建设情况" => "Government service system",
        "盟市本级现有行政审批项目" => {
            "Administrative approval items at league/city level"
        }
        "行政许可项目" => "Licensing items",
        "非行政许可审批项目" => "Non-licensing approval items",
        "已进驻政务服务中心办理行政审批项目" => {
            "Approval items handled in the service centre"
        }
        "盟市政务服务中心是否与公共资源交易中心合署办公" => {
            "Service centre shares offices with the public resource trading centre"
        }
        "盟市政务服务中心是否建立行政审批和电子监察系统" => {
            "Service centre has approval and e-supervision systems"
        }
        "旗县（市、区）已建成政务服务中心（注明具体旗县）" => {
            "Counties with a service centre"
        }
        "旗县（市、区）在建政务服务中心（注明具体旗县）" => {
            "Counties building a service centre"
        }
        "旗县（市、区）未建政务服务中心（注明具体旗县）" => {
            "Counties without a service centre"
        }
        "旗县（市、区）已配备电子监察系统（注明具体旗县）" => {
            "Counties with e-supervision systems"
        }
        "苏木乡镇街道办事处" => "Townships and sub-districts",
        "已建成综合便民服务中心" => "with a service centre",
        "嘎查村" => "Villages",
        "已建成便民代办点" => "with a service point",
        // 福建 appendix.
        "主动公开文件数" => "Documents proactively disclosed",
        "政府网站公开数" => "Through government websites",
        "政府公报公开数" => "Through the government gazette",
        "受理政府信息公开申请总数" => "Requests accepted",
        "信函、传真申请数" => "By letter or fax",
        "对申请的答复总数" => "Requests answered",
        "不予公开答复数" => "Disclosure refused",
        "其他类型答复数" => "Other replies",
        "接受行政申诉、举报数" => "Administrative appeals and reports",
        "行政复议数" => "Administrative reviews",
        "行政诉讼数" => "Administrative lawsuits",
        // Table 二.
        "信息内容" => "Information",
        "规章" => "Rules",
        "规范性文件" => "Normative documents",
        "行政规范性文件" => "Administrative normative documents",
        "本年新制作数量" => "Newly made this year",
        "本年新公开数量" => "Newly disclosed this year",
        "对外公开总数量" => "Total disclosed",
        "本年制发件数" => "Issued this year",
        "本年废止件数" => "Repealed this year",
        "现行有效件数" => "In force",
        "行政许可" => "Administrative licensing",
        "其他对外管理服务事项" => "Other external management services",
        "上一年项目数量" => "Items last year",
        "本年增/减" => "Change this year",
        "处理决定数量" => "Decisions",
        "本年处理决定数量" => "Decisions this year",
        "行政处罚" => "Administrative penalties",
        "行政强制" => "Administrative coercion",
        "行政事业性收费" => "Administrative fees",
        "本年收费金额（单位：万元）" => "Fees this year (10,000 yuan)",
        "政府集中采购" => "Centralised government procurement",
        "采购项目数量" => "Procurement projects",
        "采购总金额" => "Total procurement amount",
        // Table 三.
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" => {
            "(In each column, item 1 + item 2 = item 3 + item 4)"
        }
        "申请人情况" => "Applicants",
        "自然人" => "Natural persons",
        "法人或其他组织" => "Legal persons or other organisations",
        "商业企业" => "Businesses",
        "科研机构" => "Research institutions",
        "社会公益组织" => "Public-interest organisations",
        "法律服务机构" => "Legal service providers",
        "其他" => "Other",
        "总计" => "Total",
        "本年新收政府信息公开申请数量" => "New requests this year",
        "上年结转政府信息公开申请数量" => "Carried over from last year",
        "本年度办理结果" => "Outcomes this year",
        "予以公开" => "Disclosed",
        "部分公开（区分处理的，只计这一情形，不计其他情形）" => {
            "Partly disclosed (counted only here when split)"
        }
        "不予公开" => "Not disclosed",
        "属于国家秘密" => "State secret",
        "其他法律行政法规禁止公开" => "Prohibited by other laws or regulations",
        "危及“三安全一稳定”" => "Endangers the “three securities and one stability”",
        "保护第三方合法权益" => "Protects third parties' lawful rights",
        "属于三类内部事务信息" => "Internal affairs information",
        "属于四类过程性信息" => "Process information",
        "属于行政执法案卷" => "Administrative enforcement files",
        "属于行政查询事项" => "Administrative enquiry matters",
        "无法提供" => "Cannot be provided",
        "本机关不掌握相关政府信息" => "Not held by this agency",
        "没有现成信息需要另行制作" => "Would have to be created",
        "补正后申请内容仍不明确" => "Still unclear after amendment",
        "不予处理" => "Not processed",
        "信访举报投诉类申请" => "Petitions, reports or complaints",
        "重复申请" => "Repeated requests",
        "要求提供公开出版物" => "Requests for publications",
        "无正当理由大量反复申请" => "Mass repeated requests without good reason",
        "要求行政机关确认或重新出具已获取信息" => {
            "Confirmation or reissue of information already obtained"
        }
        "其他处理" => "Other handling",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" => {
            "Applicant did not amend in time; no longer processed"
        }
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" => {
            "Applicant did not pay the fee in time; no longer processed"
        }
        "结转下年度继续办理" => "Carried forward to next year",
        // Table 四.
        "行政复议" => "Administrative review",
        "行政诉讼" => "Administrative litigation",
        "结果维持" => "Upheld",
        "结果纠正" => "Corrected",
        "其他结果" => "Other outcome",
        "尚未审结" => "Pending",
        "未经复议直接起诉" => "Filed directly",
        "复议后起诉" => "Filed after review",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_words() {
        assert_eq!(en("（一）收到申请数"), "(1) Requests received");
        assert_eq!(en("三、依申请公开情况"), "III. Disclosure on request");
        assert_eq!(
            en("十一、政府服务体系建设情况"),
            "XI. Government service system"
        );
        assert_eq!(en("其中：涉及国家秘密"), "of which: State secrets");
        assert_eq!(en("2.传真申请数"), "2. By fax");
        assert_eq!(en("第二十条第（五）项"), "Article 20, item (5)");
        assert_eq!(en("不认识的标签"), "不认识的标签");
        assert!(!has_en("不认识的标签"));
    }
}
