//! Body rendering: hostile Markdown never reaches the HTML, photos become figures, and the
//! counts an editor relies on are right.

use std::collections::HashMap;

use newsdesk_core::render::{
    Figure, FigureSource, NoPhotos, PhotoRef, TextStats, is_safe_url, photo_refs, render, warnings,
};
use newsdesk_core::{ArticleFields, Author};

fn html(markdown: &str) -> String {
    render(markdown, &NoPhotos).unwrap().html
}

/// Every `href`/`src` value in the HTML, entity references for the characters comrak escapes
/// decoded, so the check below sees what a browser would follow.
fn urls(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        for (start, _) in html.match_indices(attribute) {
            let rest = &html[start + attribute.len()..];
            let value = &rest[..rest.find('"').expect("attribute is closed")];
            found.push(
                value
                    .replace("&amp;", "&")
                    .replace("&#x27;", "'")
                    .replace("&#39;", "'"),
            );
        }
    }
    found
}

/// What must never appear in rendered output, whatever the input.
fn assert_harmless(markdown: &str, html: &str) {
    let lower = html.to_lowercase();
    for tag in [
        "<script",
        "<iframe",
        "<object",
        "<embed",
        "<svg",
        "<style",
        "<form",
        "<input",
        "<meta",
        "<link",
        "<base",
        "<!--",
        "<math",
        "<textarea",
    ] {
        assert!(
            !lower.contains(tag),
            "{tag} reached the output of {markdown:?}: {html}"
        );
    }
    for (start, _) in lower.match_indices(" on") {
        // An event handler (onerror=, onclick=...) is " on" + letters + "=" inside a tag.
        let before = &lower[..start];
        let inside_tag = before.rfind('<') > before.rfind('>');
        let name: String = lower[start + 1..]
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        let is_handler = lower[start + 1 + name.len()..].starts_with('=');
        assert!(
            !(inside_tag && is_handler),
            "{name} handler in the output of {markdown:?}: {html}"
        );
    }
    for attribute in ["srcdoc=", "formaction=", "style="] {
        assert!(
            !lower.contains(attribute),
            "{attribute} in the output of {markdown:?}: {html}"
        );
    }
    for url in urls(html) {
        let squeezed: String = url
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect();
        let squeezed = squeezed.to_lowercase();
        let scheme = squeezed
            .split_once(':')
            .map(|(s, _)| s)
            .filter(|s| !s.contains(['/', '?', '#']));
        assert!(
            matches!(scheme, None | Some("http" | "https" | "mailto")),
            "unsafe URL {url:?} in the output of {markdown:?}: {html}"
        );
    }
}

#[test]
fn hostile_markdown_never_reaches_the_output() {
    let cases: &[(&str, &[&str])] = &[
        ("<script>alert(1)</script>", &[]),
        ("Text <script>alert(1)</script> more", &["Text", "more"]),
        ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", &[]),
        ("<img src=x onerror=alert(1)>", &[]),
        (
            "Inline <img src=x onerror=alert(1)> image",
            &["Inline", "image"],
        ),
        ("[x](javascript:alert(1))", &["x"]),
        ("[click](JaVaScRiPt:alert(1))", &["click"]),
        ("[x](java&#x09;script:alert(1))", &["x"]),
        ("[x](java&#9;script:alert(1))", &["x"]),
        ("[x](&#106;avascript:alert(1))", &["x"]),
        ("[x](javascript&colon;alert(1))", &["x"]),
        ("[x](&#x20;javascript:alert(1))", &["x"]),
        ("[x](<java\tscript:alert(1)>)", &["x"]),
        ("[x](%20javascript:alert(1))", &["x"]),
        ("[x]( javascript:alert(1) )", &["x"]),
        ("![x](data:image/png;base64,iVBORw0KGgo=)", &["x"]),
        ("![x](DATA:image/svg+xml;base64,PHN2Zz4=)", &["x"]),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", &["x"]),
        ("[x](vbscript:msgbox(1))", &["x"]),
        ("[x](VBScript:msgbox(1))", &["x"]),
        ("[x](file:///etc/passwd)", &["x"]),
        ("[x][ref]\n\n[ref]: javascript:alert(1)", &["x"]),
        ("![x][ref]\n\n[ref]: data:image/gif;base64,R0lGOD=", &["x"]),
        ("<iframe src=\"https://evil.example\"></iframe>", &[]),
        ("Before <iframe src=x></iframe> after", &["Before", "after"]),
        ("<!-- a secret comment -->", &[]),
        ("Visible <!-- hidden --> text", &["Visible", "text"]),
        ("<javascript:alert(1)>", &[]),
        ("<vbscript:msgbox(1)>", &[]),
        (
            "<https://example.com/ok>",
            &["href=\"https://example.com/ok\""],
        ),
        ("<a href=\"javascript:alert(1)\">x</a>", &["x"]),
        ("<div onclick=\"alert(1)\">hi</div>", &[]),
        ("<svg><script>alert(1)</script></svg>", &[]),
        ("<style>body{display:none}</style>", &[]),
        ("[x](javascript:alert(1) \"title\")", &["x"]),
        (
            "**[bold](javascript:alert(1))**",
            &["<strong>bold</strong>"],
        ),
        (
            "[![img](https://example.com/a.png)](javascript:alert(1))",
            &["src=\"https://example.com/a.png\""],
        ),
        (
            "| a | b |\n|---|---|\n| <script>x</script> | [y](javascript:z) |",
            &["<table>", "y"],
        ),
        (
            "Note[^1]\n\n[^1]: See [here](javascript:alert(1)).",
            &["here"],
        ),
        (
            "```html\n<script>alert(1)</script>\n```",
            &["&lt;script&gt;"],
        ),
        ("`<img src=x onerror=alert(1)>`", &["&lt;img"]),
    ];
    for (markdown, kept) in cases {
        let html = html(markdown);
        assert_harmless(markdown, &html);
        for piece in *kept {
            assert!(
                html.contains(piece),
                "{piece:?} should survive in {markdown:?}: {html}"
            );
        }
    }
}

#[test]
fn safe_markdown_keeps_its_meaning() {
    let cases: &[(&str, &str)] = &[
        (
            "[site](https://example.com/a?b=1)",
            "<a href=\"https://example.com/a?b=1\">site</a>",
        ),
        (
            "[mail](mailto:desk@example.com)",
            "href=\"mailto:desk@example.com\"",
        ),
        ("[rel](/sport/final)", "href=\"/sport/final\""),
        ("[note](#corrections)", "href=\"#corrections\""),
        ("[http](HTTP://EXAMPLE.COM)", "href=\"HTTP://EXAMPLE.COM\""),
        (
            "![chart](https://example.com/c.png)",
            "<img src=\"https://example.com/c.png\" alt=\"chart\"",
        ),
        ("www.example.com", "<a href=\"http://www.example.com\">"),
        ("~~old~~ new", "<del>old</del>"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "<td>1</td>"),
        ("Claim[^1]\n\n[^1]: Source.", "footnote"),
        ("\"Quoted\" -- it's", "“Quoted” – it’s"),
        ("5 < 6 & 7 > 3", "5 &lt; 6 &amp; 7 &gt; 3"),
    ];
    for (markdown, expected) in cases {
        let html = html(markdown);
        assert!(
            html.contains(expected),
            "{markdown:?} should give {expected:?}: {html}"
        );
        assert_harmless(markdown, &html);
    }
}

#[test]
fn url_safety_reads_urls_like_a_browser() {
    for url in [
        "https://a.example",
        "http://a",
        "mailto:x@y",
        "/path",
        "page.html",
        "#top",
        "?q=1",
        "a/b:c",
        "",
    ] {
        assert!(is_safe_url(url), "{url:?} should be allowed");
    }
    for url in [
        "javascript:x",
        "JAVASCRIPT:x",
        " javascript:x",
        "\u{1}javascript:x",
        "java\tscript:x",
        "java\nscript:x",
        "data:image/png;base64,AA",
        "vbscript:x",
        "file:///etc",
        "ftp://x",
        "tel:123",
        "custom:x",
    ] {
        assert!(!is_safe_url(url), "{url:?} should be blocked");
    }
}

/// A photo library of two photos; `hero` is the only crop of `p1`.
struct Photos(HashMap<(String, Option<String>), Figure>);

impl Photos {
    fn new() -> Photos {
        let figure = |src: &str, alt: &str| Figure {
            src: src.into(),
            width: 1000,
            height: 600,
            alt: alt.into(),
            caption: "Fans <cheer> & sing".into(),
            credit: "Photo: Jo \"JJ\" Lee".into(),
        };
        let mut known = HashMap::new();
        known.insert(("p1".into(), None), figure("renditions/p1.jpg", "Stadium"));
        known.insert(
            ("p1".into(), Some("hero".into())),
            figure("renditions/p1-hero.jpg", "Stadium wide"),
        );
        known.insert(("p2".into(), None), figure("renditions/p2.jpg", "Coach"));
        Photos(known)
    }
}

impl FigureSource for Photos {
    fn figure(&self, reference: &PhotoRef) -> newsdesk_core::Result<Option<Figure>> {
        Ok(self
            .0
            .get(&(reference.photo_id.clone(), reference.crop.clone()))
            .cloned())
    }
}

#[test]
fn photo_references_become_figures_with_caption_and_credit() {
    let rendered = render("Intro.\n\n![](photo:p1/hero)\n\nMore text.", &Photos::new()).unwrap();
    let expected = "<figure><img src=\"renditions/p1-hero.jpg\" alt=\"Stadium wide\" width=\"1000\" \
                    height=\"600\"><figcaption>Fans &lt;cheer&gt; &amp; sing <span class=\"credit\">Photo: \
                    Jo &quot;JJ&quot; Lee</span></figcaption></figure>";
    assert!(rendered.html.contains(expected), "{}", rendered.html);
    // The figure replaced its paragraph: no <p> wraps it.
    assert!(!rendered.html.contains("<p><figure>"), "{}", rendered.html);
    assert!(rendered.missing.is_empty());
    assert_eq!(rendered.stats.words, 3);
}

#[test]
fn markdown_alt_text_wins_over_the_photo_alt() {
    let html = render("![The coach & his <3 team](photo:p2)", &Photos::new())
        .unwrap()
        .html;
    assert!(
        html.contains("alt=\"The coach &amp; his &lt;3 team\""),
        "{html}"
    );
    let html = render("![](photo:p2)", &Photos::new()).unwrap().html;
    assert!(html.contains("alt=\"Coach\""), "{html}");
}

#[test]
fn a_photo_inside_a_paragraph_follows_it() {
    let html = render("Look ![x](photo:p1) here.", &Photos::new())
        .unwrap()
        .html;
    let paragraph = html.find("<p>Look").expect(&html);
    let figure = html.find("<figure>").expect(&html);
    assert!(paragraph < figure, "{html}");
    assert!(
        !html.contains("<p><figure>") && html.contains("here.</p>"),
        "{html}"
    );
}

#[test]
fn missing_photos_are_reported_and_shown() {
    let markdown =
        "![a](photo:p1/square)\n\n![b](photo:nope)\n\n![c](photo:p1)\n\n![d](photo:<b>x</b>)";
    let rendered = render(markdown, &Photos::new()).unwrap();
    let missing: Vec<String> = rendered.missing.iter().map(ToString::to_string).collect();
    assert_eq!(missing, ["p1/square", "nope", "<b>x</b>"]);
    assert_eq!(
        rendered.html.matches("class=\"missing-photo\"").count(),
        3,
        "{}",
        rendered.html
    );
    assert!(
        rendered.html.contains("Missing photo p1/square"),
        "{}",
        rendered.html
    );
    assert!(
        rendered.html.contains("Missing photo nope"),
        "{}",
        rendered.html
    );
    assert_eq!(rendered.html.matches("<figure>").count(), 1);
    // A reference is shown as the editor typed it, escaped.
    assert!(
        rendered.html.contains("Missing photo &lt;b&gt;x&lt;/b&gt;"),
        "{}",
        rendered.html
    );
    assert!(!rendered.html.contains("<b>"), "{}", rendered.html);

    let with_none = render(markdown, &NoPhotos).unwrap();
    assert_eq!(with_none.missing.len(), 4);
    assert_harmless(markdown, &with_none.html);
}

#[test]
fn photo_refs_lists_every_placement_in_order() {
    let markdown = "![](photo:a1)\n\nText ![x](photo:b2/wide) and ![](https://example.com/y.png)\n\n\
                    > ![](photo:a1)\n\n- ![](photo:c3/)";
    let refs = photo_refs(markdown);
    let expected = [
        ("a1", None),
        ("b2", Some("wide")),
        ("a1", None),
        ("c3", None),
    ];
    assert_eq!(refs.len(), expected.len(), "{refs:?}");
    for (found, (id, crop)) in refs.iter().zip(expected) {
        assert_eq!(found.photo_id, id);
        assert_eq!(found.crop.as_deref(), crop);
    }
}

#[test]
fn stats_count_the_text_a_reader_reads() {
    let cases: &[(&str, usize, usize, u32)] = &[
        ("", 0, 0, 0),
        ("   \n\n  ", 0, 0, 0),
        ("One two three", 3, 13, 1),
        ("# Title\n\nFirst para.\n\nSecond para.", 5, 30, 1),
        ("one\ntwo", 2, 7, 1),
        (
            "A [link](https://example.com/very/long) here ![alt words](photo:abc)",
            3,
            11,
            1,
        ),
        ("Mid-sentence — dash", 2, 19, 1),
        ("Café crème", 2, 10, 1),
        ("- item one\n- item two", 4, 17, 1),
        ("Text <span>inside</span> html", 3, 16, 1),
        ("**Bold** and _it_", 3, 11, 1),
    ];
    for &(markdown, words, chars, minutes) in cases {
        let stats = render(markdown, &NoPhotos).unwrap().stats;
        assert_eq!(
            stats,
            TextStats {
                words,
                chars,
                reading_minutes: minutes
            },
            "{markdown:?}"
        );
    }
}

#[test]
fn reading_time_rounds_up_at_250_words_a_minute() {
    for (words, minutes) in [
        (1, 1),
        (249, 1),
        (250, 1),
        (251, 2),
        (500, 2),
        (1000, 4),
        (1001, 5),
    ] {
        let body = vec!["word"; words].join(" ");
        let stats = render(&body, &NoPhotos).unwrap().stats;
        assert_eq!((stats.words, stats.reading_minutes), (words, minutes));
    }
}

#[test]
fn warnings_flag_what_an_editor_should_fix() {
    let good = ArticleFields {
        slugline: "flood-warning".into(),
        headline: "Flood warning for the valley".into(),
        dek: "Residents are told to prepare.".into(),
        authors: vec![Author {
            name: "Ana Ruiz".into(),
            role: "Reporter".into(),
        }],
        body: "Water is rising.".into(),
        ..ArticleFields::default()
    };
    let check = |fields: &ArticleFields| {
        let stats = render(&fields.body, &NoPhotos).unwrap().stats;
        warnings(fields, &stats)
            .into_iter()
            .map(|w| w.field)
            .collect::<Vec<_>>()
    };
    assert!(check(&good).is_empty());
    let cases: Vec<(ArticleFields, &[&str])> = vec![
        (
            ArticleFields {
                headline: "h".repeat(65),
                ..good.clone()
            },
            &["headline"],
        ),
        (
            ArticleFields {
                headline: "é".repeat(64),
                ..good.clone()
            },
            &[],
        ),
        (
            ArticleFields {
                dek: "d".repeat(161),
                ..good.clone()
            },
            &["dek"],
        ),
        (
            ArticleFields {
                dek: "d".repeat(160),
                ..good.clone()
            },
            &[],
        ),
        (
            ArticleFields {
                slugline: "s".repeat(25),
                ..good.clone()
            },
            &["slugline"],
        ),
        (
            ArticleFields {
                authors: vec![],
                ..good.clone()
            },
            &["authors"],
        ),
        (
            ArticleFields {
                body: String::new(),
                ..good.clone()
            },
            &["body"],
        ),
        (
            ArticleFields {
                body: "<!-- nothing -->".into(),
                ..good.clone()
            },
            &["body"],
        ),
        (
            ArticleFields {
                headline: "h".repeat(80),
                slugline: "s".repeat(30),
                authors: vec![],
                body: "  ".into(),
                ..good.clone()
            },
            &["headline", "slugline", "authors", "body"],
        ),
    ];
    for (fields, expected) in cases {
        assert_eq!(check(&fields), expected, "{fields:?}");
    }
    let long = ArticleFields {
        headline: "h".repeat(70),
        ..good
    };
    let stats = render(&long.body, &NoPhotos).unwrap().stats;
    assert_eq!(
        warnings(&long, &stats)[0].message,
        "The headline has 70 characters; keep it to 64"
    );
}

#[test]
fn a_20_mb_body_renders() {
    let paragraph = "Officials said the **new bridge** would open in [spring](https://example.com/b). \
                     <script>alert(1)</script> Critics, citing [costs](javascript:alert(1)), disagree.\n\n";
    let words_per_paragraph = 14;
    let count = 20 * 1024 * 1024 / paragraph.len() + 1;
    let body = paragraph.repeat(count);
    assert!(body.len() >= 20 * 1024 * 1024);
    let rendered = render(&body, &NoPhotos).unwrap();
    assert_eq!(rendered.stats.words, count * words_per_paragraph);
    assert_eq!(rendered.html.matches("<p>").count(), count);
    assert!(!rendered.html.contains("<script") && !rendered.html.contains("javascript:"));
}

#[test]
fn pathological_nesting_does_not_panic() {
    for markdown in [
        "[".repeat(100_000),
        ">".repeat(50_000),
        "*".repeat(100_000),
        "- ".repeat(20_000) + "x",
        "![".repeat(50_000),
        "<".repeat(100_000),
    ] {
        let rendered = render(&markdown, &NoPhotos).unwrap();
        assert_harmless("(pathological)", &rendered.html);
    }
}
