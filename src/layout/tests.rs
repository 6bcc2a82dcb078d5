use super::*;

/// An item at (x, baseline y) with font height `h`; the width is estimated
/// from the text (full-width characters one em, others half).
fn it(page: u32, x: f32, y: f32, h: f32, text: &str) -> TextItem {
    TextItem {
        page,
        x,
        y,
        width: est_width(text, h),
        height: h,
        text: text.to_string(),
    }
}

/// One table row: a label at x=80 and numbers at x=320, 350, 380…
fn row(page: u32, y: f32, label: &str, nums: &[&str]) -> Vec<TextItem> {
    let mut v = Vec::new();
    if !label.is_empty() {
        v.push(it(page, 180.0, y, 9.0, label));
    }
    for (k, n) in nums.iter().enumerate() {
        v.push(it(page, 320.0 + 30.0 * k as f32, y + 1.5, 14.0, n));
    }
    v
}

fn lines(items: &[TextItem]) -> Vec<String> {
    items_to_text(items).lines().map(str::to_string).collect()
}

#[test]
fn prose_lines_spaces_and_order() {
    let items = vec![
        it(1, 74.0, 225.0, 16.0, "国政府信息公开条例》（国令第"),
        it(1, 298.0, 225.0, 16.0, " "),
        it(1, 302.3, 225.4, 16.0, "711"),
        it(1, 329.5, 225.0, 16.0, "号）"),
        it(1, 106.0, 198.0, 16.0, "本报告由"),
    ];
    assert_eq!(
        lines(&items),
        vec!["本报告由", "国政府信息公开条例》（国令第 711 号）"]
    );
}

#[test]
fn table_columns_become_tabs() {
    let mut items = vec![
        it(1, 129.0, 100.0, 12.0, "信息内容"),
        it(1, 200.0, 100.0, 12.0, "本年制发件数"),
        it(1, 300.0, 100.0, 12.0, "本年废止件数"),
    ];
    items.push(it(1, 81.0, 140.0, 12.0, "规章"));
    items.push(it(1, 282.0, 140.0, 12.0, "1"));
    items.push(it(1, 377.0, 140.0, 12.0, "0"));
    assert_eq!(
        lines(&items),
        vec!["信息内容\t本年制发件数\t本年废止件数", "规章\t1\t0"]
    );
}

/// Table 三 as a PDF draws it: a vertical label stacked one character per
/// line over the rows it spans, a merged group label in a column of its own,
/// and a row label wrapped above and below the row's numbers.
#[test]
fn table_three_fragment_with_stacked_vertical_label() {
    let mut items = Vec::new();
    // 三、本年度办理结果, one character every 10 points from y=540.
    for (k, c) in "三、本年度办理结果".chars().enumerate() {
        items.push(it(1, 90.0, 540.0 + 10.0 * k as f32, 10.0, &c.to_string()));
    }
    items.extend(row(
        1,
        538.0,
        "（一）予以公开",
        &["258", "12", "0", "0", "1", "1", "272"],
    ));
    items[9].x = 104.0; // (一) sits in the group-label column
                        // A wrapped label: first line above the numbers, second below.
    items.push(it(
        1,
        104.0,
        559.0,
        9.0,
        "（二）部分公开（区分处理的，只计这一情形，不",
    ));
    items.push(it(1, 104.0, 572.5, 9.0, "计其他情形）"));
    items.extend(row(1, 565.0, "", &["4", "0", "0", "0", "0", "0", "4"]));
    items.extend(row(
        1,
        593.0,
        "1.属于国家秘密",
        &["1", "0", "0", "0", "0", "0", "1"],
    ));
    items.extend(row(
        1,
        612.0,
        "2.其他法律行政法规禁止公开",
        &["0", "0", "0", "0", "0", "0", "0"],
    ));
    // The group label, centred between its rows, left of their labels.
    items.push(it(1, 104.0, 622.0, 9.0, "（三）不予公开"));
    items.extend(row(
        1,
        632.0,
        "3.危及“三安全一稳定”",
        &["0", "0", "0", "0", "0", "0", "0"],
    ));
    let got = lines(&items);
    assert_eq!(
        got,
        vec![
            "（一）予以公开\t258\t12\t0\t0\t1\t1\t272",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t4\t0\t0\t0\t0\t0\t4",
            "1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1",
            "2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0",
            "（三）不予公开",
            "3.危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0",
        ],
        "{got:#?}"
    );
    // And the whole pipeline reads it.
    let mut all = vec![
        it(
            1,
            100.0,
            100.0,
            22.0,
            "某某区人民政府2023年政府信息公开工作年度报告",
        ),
        it(1, 100.0, 300.0, 16.0, "三、收到和处理政府信息公开申请情况"),
    ];
    all.extend(items);
    let r = crate::extract_pdf_items(&all, Some("t.pdf")).unwrap();
    let get = |id: &str| {
        r.fields
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.value.to_string())
    };
    assert_eq!(
        (r.input.format.as_str(), r.input.encoding.as_str()),
        ("pdf", "utf-8")
    );
    assert_eq!(r.source_name.as_deref(), Some("t.pdf"));
    assert_eq!(
        get("applications.results.granted.natural_person").as_deref(),
        Some("258")
    );
    assert_eq!(
        get("applications.results.partial.total").as_deref(),
        Some("4")
    );
    assert_eq!(
        get("applications.results.denied.state_secret.total").as_deref(),
        Some("1")
    );
}

#[test]
fn vertical_font_item_is_dropped() {
    // pdf.js reports a vertical run as one item taller than wide.
    let mut items = vec![TextItem {
        page: 1,
        x: 90.0,
        y: 560.0,
        width: 10.0,
        height: 40.0,
        text: "三、本年".into(),
    }];
    items.extend(row(1, 570.0, "1.属于国家秘密", &["1", "0"]));
    assert_eq!(lines(&items), vec!["1.属于国家秘密\t1\t0"]);
}

#[test]
fn header_broken_into_pieces_is_rebuilt_by_column() {
    let mut items = vec![
        // 法人或其他组织 spans the middle columns.
        it(1, 335.0, 400.0, 10.0, "法人或其他组织"),
        it(1, 293.0, 415.0, 10.0, "自然人"),
        it(1, 335.0, 415.0, 10.0, "商业企"),
        it(1, 345.0, 428.0, 10.0, "业"),
        it(1, 375.0, 415.0, 10.0, "科研"),
        it(1, 375.0, 428.0, 10.0, "机构"),
        it(1, 417.0, 415.0, 10.0, "总计"),
        it(1, 80.0, 415.0, 10.0, "（本列数据的勾稽关系为"),
    ];
    for (k, n) in ["21", "0", "0", "21"].iter().enumerate() {
        items.push(it(1, 300.0 + 40.0 * k as f32, 470.0, 14.0, n));
    }
    items.push(it(1, 80.0, 470.0, 10.0, "一、本年新收政府信息公开申请数量"));
    assert_eq!(
        lines(&items),
        vec![
            "法人或其他组织",
            "（本列数据的勾稽关系为\t自然人\t商业企业\t科研机构\t总计",
            "一、本年新收政府信息公开申请数量\t21\t0\t0\t21"
        ]
    );
}

#[test]
fn page_numbers_headers_and_a_table_across_pages() {
    let mut items = Vec::new();
    for p in 1..=3u32 {
        items.push(it(p, 250.0, 40.0, 9.0, "洪泽区人民政府文件"));
        items.push(it(p, 280.0, 800.0, 13.0, &format!("- {p} -")));
    }
    items.extend(row(1, 700.0, "1.信访举报投诉类申请", &["1", "0"]));
    items.extend(row(2, 100.0, "2.重复申请", &["0", "0"]));
    items.push(it(3, 80.0, 100.0, 16.0, "六、其他需要报告的事项"));
    assert_eq!(
        lines(&items),
        vec![
            "1.信访举报投诉类申请\t1\t0",
            "2.重复申请\t0\t0",
            "六、其他需要报告的事项"
        ]
    );
}

#[test]
fn page_number_forms() {
    for s in [
        "-3-",
        "- 3 -",
        "—3—",
        "第3页",
        "第 3 页 共 12 页",
        "3/12",
        "12",
        "Page 3",
    ] {
        assert!(is_page_number(s), "{s}");
    }
    for s in ["2023年", "3.其他", "一、", "第三项", "550件"] {
        assert!(!is_page_number(s), "{s}");
    }
}

#[test]
fn column_of_numbers_is_not_a_vertical_label() {
    let mut items = Vec::new();
    for (k, label) in ["规章", "行政规范性文件", "其他"].iter().enumerate() {
        items.push(it(1, 80.0, 100.0 + 20.0 * k as f32, 12.0, label));
        items.push(it(1, 300.0, 100.0 + 20.0 * k as f32, 12.0, "0"));
        items.push(it(1, 340.0, 100.0 + 20.0 * k as f32, 12.0, "否"));
    }
    assert_eq!(
        lines(&items),
        vec!["规章\t0\t否", "行政规范性文件\t0\t否", "其他\t0\t否"]
    );
}

#[test]
fn scanned_and_odd_items() {
    assert!(!has_text(&[]));
    assert!(!has_text(&[it(1, 0.0, 0.0, 10.0, "  ")]));
    let weird = vec![
        TextItem {
            page: 0,
            x: f32::NAN,
            y: 1.0,
            width: 1.0,
            height: 1.0,
            text: "x".into(),
        },
        TextItem {
            page: 2,
            x: 1.0,
            y: 1.0,
            width: 0.0,
            height: 0.0,
            text: "无宽度".into(),
        },
        TextItem {
            page: 2,
            x: 1.0e30,
            y: -1.0e30,
            width: f32::INFINITY,
            height: -3.0,
            text: "怪".into(),
        },
    ];
    let t = items_to_text(&weird);
    assert!(t.contains("无宽度"), "{t}");
    // Deserialises pdf.js-like objects (`str`) with missing sizes.
    let v: Vec<TextItem> =
        serde_json::from_str(r#"[{"page":1,"x":1,"y":2,"str":"规章"}]"#).unwrap();
    assert_eq!(v[0].text, "规章");
}

#[test]
fn fake_bold_duplicates_are_dropped() {
    let items = vec![
        it(1, 100.0, 100.0, 16.0, "一、总体情况"),
        it(1, 100.4, 100.0, 16.0, "一、总体情况"),
    ];
    assert_eq!(lines(&items), vec!["一、总体情况"]);
}

#[test]
fn narrow_numbers_are_not_vertical_text() {
    let items = vec![
        TextItem {
            page: 1,
            x: 300.0,
            y: 100.0,
            width: 7.0,
            height: 14.0,
            text: "11".into(),
        },
        it(1, 80.0, 100.0, 12.0, "规章"),
    ];
    assert_eq!(lines(&items), vec!["规章\t11"]);
}

#[test]
fn many_items_stay_fast_and_never_panic() {
    // A pseudo-random page of 20,000 items of every shape.
    let mut seed = 12345u32;
    let mut next = || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        (seed >> 8) as f32 / (1u32 << 24) as f32
    };
    let words = [
        "三",
        "、",
        "规章",
        "0",
        "12",
        "（一）予以公开",
        "-3-",
        "法人或其他组织",
        " ",
        "商业企",
    ];
    let mut items = Vec::new();
    for k in 0..20_000 {
        let w = words[k % words.len()];
        let h = 5.0 + 15.0 * next();
        items.push(TextItem {
            page: 1 + (k % 3) as u32,
            x: 600.0 * next(),
            y: 840.0 * next(),
            width: est_width(w, h) * (0.5 + next()),
            height: h,
            text: w.to_string(),
        });
    }
    let t = std::time::Instant::now();
    let text = items_to_text(&items);
    assert!(!text.is_empty());
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
}

#[test]
fn a_dense_column_of_characters_is_quick() {
    let mut items: Vec<TextItem> = (0..5000)
        .map(|k| it(1, 90.0, 10.0 * k as f32, 10.0, "年"))
        .collect();
    items.extend((0..5000).map(|k| it(1, 200.0 + (k % 7) as f32, 10.0 * k as f32, 10.0, "规")));
    let t = std::time::Instant::now();
    let _ = items_to_text(&items);
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
}

/// A group label centred over its rows lands on the middle row's baseline,
/// while that row's own label wraps above and below it in the next column;
/// a wrapped label's line also shares a baseline with another group label.
#[test]
fn group_label_on_a_rows_baseline_and_label_wrapped_around_it() {
    let mut items = vec![
        it(1, 238.0, 364.5, 10.5, "2.没有现成信息需要"),
        it(1, 156.5, 372.0, 10.5, "（四）无法提供"),
        it(1, 264.0, 379.5, 10.5, "另行制作"),
        it(1, 238.0, 277.5, 10.5, "4.保护第三方合法权"),
        it(1, 280.0, 292.5, 10.5, "益"),
        it(1, 156.5, 295.5, 10.5, "（三）不予公开"),
    ];
    for (k, n) in ["0", "37", "37"].iter().enumerate() {
        items.push(it(1, 354.0 + 50.0 * k as f32, 372.0, 10.5, n));
        items.push(it(1, 354.0 + 50.0 * k as f32, 285.0, 10.5, n));
    }
    assert_eq!(
        lines(&items),
        vec![
            "4.保护第三方合法权益\t0\t37\t37",
            "（三）不予公开",
            "（四）无法提供\t2.没有现成信息需要另行制作\t0\t37\t37",
        ]
    );
}

/// The 2014 统计表: a label wrapped around a row whose first cell is the
/// unit; a heading just after the table is not taken for a label's line.
#[test]
fn label_wrapped_around_a_unit_cell() {
    let items = vec![
        it(1, 53.0, 731.5, 10.5, "（一）回应公众关注热点或重大舆情数（不同方式"),
        it(1, 298.2, 739.0, 10.5, "次"),
        it(1, 332.8, 739.0, 10.5, "38"),
        it(1, 53.0, 746.5, 10.5, "回应同一热点或舆情计1次）"),
        it(1, 53.0, 760.0, 10.5, "四、结转下年度继续办理"),
        it(1, 332.8, 760.0, 10.5, "2"),
        it(1, 93.0, 777.5, 10.5, "五、存在的主要问题及改进情况"),
    ];
    assert_eq!(
        lines(&items),
        vec![
            "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）\t次\t38",
            "四、结转下年度继续办理\t2",
            "五、存在的主要问题及改进情况",
        ]
    );
}

/// Table 二's title row (`第二十条第（一）项`, a cell over the whole table,
/// here set left) a row's height above the header stays a line of its own.
#[test]
fn table_title_row_is_not_part_of_the_header() {
    let mut items = vec![
        it(1, 53.0, 314.5, 10.5, "第二十条第（一）项"),
        it(1, 53.0, 335.5, 10.5, "信息内容"),
        it(1, 167.0, 335.5, 10.5, "本年新制作数量"),
        it(1, 248.5, 335.5, 10.5, "本年新公开数量"),
        it(1, 330.0, 335.5, 10.5, "对外公开总数量"),
    ];
    items.push(it(1, 53.0, 356.5, 10.5, "规章"));
    for (k, x) in [201.2, 282.8, 361.5].iter().enumerate() {
        items.push(it(1, *x, 356.5, 10.5, ["0", "1", "28"][k]));
    }
    assert_eq!(
        lines(&items),
        vec![
            "第二十条第（一）项",
            "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
            "规章\t0\t1\t28",
        ]
    );
}

/// A wrapped cell cut into items whose lines all end in a one-character
/// item, the items in one column: horizontal text, not a vertical label.
#[test]
fn one_character_line_ends_are_not_vertical_text() {
    let mut items = Vec::new();
    let parts = [("2.申请人逾期未按", "收"), ("费通知要求缴纳费", "用"), ("、行政机关不再处", "理"), ("其政府信息公开申", "请")];
    for (k, (a, b)) in parts.iter().enumerate() {
        let y = 682.5 + 15.0 * k as f32;
        items.push(it(1, 238.0, y, 10.5, a));
        items.push(it(1, 238.0 + est_width(a, 10.5), y, 10.5, b));
    }
    items.push(it(1, 354.0, 705.0, 10.5, "1"));
    items.push(it(1, 404.0, 705.0, 10.5, "4"));
    assert_eq!(
        lines(&items),
        vec!["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t1\t4"]
    );
}

#[test]
fn dash_words_are_made_of_dash_chars() {
    for d in DASHES {
        assert!(d.chars().all(is_dash_char), "{d}");
        assert!(is_dash(d) && is_dash(&format!(" {d} ")), "{d}");
    }
    assert!(!is_dash("一") && !is_dash("-1") && !is_dash(""));
}
