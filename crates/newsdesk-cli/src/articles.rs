//! Article commands: new, show, edit, list, search, history, diff, restore, status, import,
//! export-md, demo. Each is a few lines over core functions.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use newsdesk_core::article::Correction;
use newsdesk_core::error::Context;
use newsdesk_core::photo::{self, LibraryFigures};
use newsdesk_core::render::{self, NoPhotos, PhotoRef, Rendered, Warning};
use newsdesk_core::search::{self, SearchQuery};
use newsdesk_core::store::{ArticleFilter, RevisionKind, SaveKind, SortOrder};
use newsdesk_core::{
    Article, ArticleFields, Author, Error, Library, RelatedStory, Result, Status, demo, history,
    markdown_file,
};
use serde::Serialize;

use crate::output::Output;

#[derive(Subcommand)]
pub enum Command {
    /// Write a new article; prints its id.
    New {
        #[command(flatten)]
        fields: FieldArgs,
        #[arg(long, default_value = "draft")]
        status: Status,
    },
    /// Show an article: fields, version, status, statistics and warnings.
    Show {
        id: String,
        /// Print the body rendered as HTML instead of Markdown.
        #[arg(long)]
        html: bool,
    },
    /// Change fields of an article; refused if the article changed since --base-version.
    Edit {
        id: String,
        #[arg(long, value_name = "N")]
        base_version: i64,
        #[command(flatten)]
        fields: FieldArgs,
    },
    /// List the library's articles.
    List {
        #[arg(long)]
        status: Option<Status>,
        #[arg(long)]
        section: Option<String>,
        #[arg(long, value_enum, default_value = "updated")]
        sort: Sort,
        /// At most this many (0: all).
        #[arg(long, default_value_t = 0)]
        limit: usize,
    },
    /// Full-text search over headline, dek, body, byline and keywords.
    Search {
        query: String,
        #[arg(long)]
        status: Option<Status>,
        #[arg(long)]
        section: Option<String>,
        #[arg(long, default_value_t = 0)]
        limit: usize,
    },
    /// The revisions of an article, oldest first.
    History { id: String },
    /// Word-level differences between two revisions.
    Diff { id: String, from: i64, to: i64 },
    /// Bring back the text of revision REV as a new version.
    Restore {
        id: String,
        rev: i64,
        #[arg(long, value_name = "N")]
        base_version: i64,
    },
    /// Move an article through the workflow (a spiked article is restored the same way).
    Status {
        id: String,
        status: Status,
        #[arg(long, value_name = "N")]
        base_version: i64,
    },
    /// Import a Markdown file with front matter (a new article, or a new version of the
    /// article its id names, based on the version it names).
    Import { file: PathBuf },
    /// Export an article as Markdown with front matter.
    ExportMd {
        id: String,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Fill the library with the demo newsroom: stories in every status, photos with credits
    /// and crops (running it again adds nothing).
    Demo,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Sort {
    Updated,
    Created,
    Headline,
}

/// Field options shared by `new` and `edit`: each given option replaces that field. Repeated
/// options (--author, --keyword, --related) replace the whole list; `--keyword ""` empties it.
#[derive(Args)]
pub struct FieldArgs {
    #[arg(long)]
    headline: Option<String>,
    #[arg(long)]
    dek: Option<String>,
    /// Body in Markdown.
    #[arg(long, conflicts_with = "body_file")]
    body: Option<String>,
    /// Read the body from a file, or from standard input with `-`.
    #[arg(long, value_name = "FILE")]
    body_file: Option<PathBuf>,
    #[arg(long)]
    slugline: Option<String>,
    #[arg(long)]
    kicker: Option<String>,
    #[arg(long)]
    section: Option<String>,
    /// "Name:Role", repeated for each author.
    #[arg(long, value_name = "NAME:ROLE", value_parser = parse_author)]
    author: Vec<Author>,
    /// Dateline place, e.g. PARIS.
    #[arg(long)]
    place: Option<String>,
    /// Dateline date, e.g. 2024-07-30.
    #[arg(long)]
    date: Option<String>,
    #[arg(long)]
    keyword: Vec<String>,
    /// "Title|URL", repeated for each related story.
    #[arg(long, value_name = "TITLE|URL", value_parser = parse_related)]
    related: Vec<RelatedStory>,
    #[arg(long)]
    editors_note: Option<String>,
    #[arg(long)]
    language: Option<String>,
    /// RFC 3339 time (2024-08-02T05:00:00Z); an empty value lifts the embargo.
    #[arg(long)]
    embargo: Option<String>,
    /// Add a correction note dated today.
    #[arg(long)]
    correction: Option<String>,
}

fn parse_author(value: &str) -> std::result::Result<Author, String> {
    let (name, role) = value.split_once(':').unwrap_or((value, ""));
    Ok(Author {
        name: name.trim().to_owned(),
        role: role.trim().to_owned(),
    })
}

fn parse_related(value: &str) -> std::result::Result<RelatedStory, String> {
    let (title, url) = value.split_once('|').unwrap_or((value, ""));
    Ok(RelatedStory {
        title: title.trim().to_owned(),
        url: url.trim().to_owned(),
    })
}

impl FieldArgs {
    fn apply(self, fields: &mut ArticleFields) -> Result<()> {
        let set = |target: &mut String, value: Option<String>| {
            if let Some(value) = value {
                *target = value;
            }
        };
        set(&mut fields.headline, self.headline);
        set(&mut fields.dek, self.dek);
        set(&mut fields.slugline, self.slugline);
        set(&mut fields.kicker, self.kicker);
        set(&mut fields.section, self.section);
        set(&mut fields.dateline.place, self.place);
        set(&mut fields.dateline.date, self.date);
        set(&mut fields.editors_note, self.editors_note);
        set(&mut fields.language, self.language);
        set(&mut fields.body, self.body);
        if let Some(path) = self.body_file {
            fields.body = read_body(&path)?;
        }
        if !self.author.is_empty() {
            fields.authors = self.author;
        }
        if !self.keyword.is_empty() {
            fields.keywords = self.keyword;
        }
        if !self.related.is_empty() {
            fields.related = self.related;
        }
        if let Some(embargo) = self.embargo {
            fields.embargo = parse_embargo(&embargo)?;
        }
        if let Some(text) = self.correction {
            fields.corrections.push(Correction {
                date: today(),
                text,
            });
        }
        Ok(())
    }
}

fn read_body(path: &Path) -> Result<String> {
    if path == Path::new("-") {
        let mut body = String::new();
        std::io::stdin()
            .read_to_string(&mut body)
            .context(|| "reading the body from standard input")?;
        return Ok(body);
    }
    std::fs::read_to_string(path).context(|| format!("reading the body from {}", path.display()))
}

fn parse_embargo(value: &str) -> Result<Option<time::OffsetDateTime>> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    time::OffsetDateTime::parse(value.trim(), &time::format_description::well_known::Rfc3339)
        .map(Some)
        .map_err(|_| {
            Error::invalid(format!(
                "embargo {value:?} is not a time like 2024-08-02T05:00:00Z"
            ))
        })
}

fn today() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
}

pub fn run(library: &mut Library, command: Command, out: &Output) -> Result<()> {
    match command {
        Command::New {
            fields: args,
            status,
        } => {
            let mut fields = ArticleFields::default();
            args.apply(&mut fields)?;
            let article =
                library
                    .store_mut()
                    .create_article(None, &fields, status, RevisionKind::Create)?;
            out.print(&article, |a| println!("{}", a.id));
        }
        Command::Show { id, html } => {
            let article = library.store().article(&resolve(library, &id)?)?;
            let shown = Shown::new(library, article, html)?;
            out.print(&shown, print_shown);
        }
        Command::Edit {
            id,
            base_version,
            fields: args,
        } => {
            let id = resolve(library, &id)?;
            let mut fields = library.store().article(&id)?.fields;
            args.apply(&mut fields)?;
            let article =
                library
                    .store_mut()
                    .save_article(&id, base_version, &fields, SaveKind::Save)?;
            out.print(&article, print_saved);
        }
        Command::List {
            status,
            section,
            sort,
            limit,
        } => {
            let sort = match sort {
                Sort::Updated => SortOrder::Updated,
                Sort::Created => SortOrder::Created,
                Sort::Headline => SortOrder::Headline,
            };
            let list = library.store().list_articles(&ArticleFilter {
                status,
                section,
                sort,
                limit,
                offset: 0,
            })?;
            out.print(&list, |list| {
                for a in list {
                    // Who last changed it, once people on this laptop have names.
                    let by = a
                        .last_author
                        .as_deref()
                        .map(|name| format!("  (by {})", crate::output::visible(name)))
                        .unwrap_or_default();
                    println!(
                        "{}  v{:<3} {:<9} {:<10} {}{by}",
                        short(&a.id),
                        a.version,
                        a.status.as_str(),
                        a.section,
                        a.headline
                    );
                }
            });
        }
        Command::Search {
            query,
            status,
            section,
            limit,
        } => {
            let hits = search::search(
                library.store(),
                &SearchQuery {
                    text: query,
                    status,
                    section,
                    limit,
                },
            )?;
            out.print(&hits, |hits| {
                for h in hits {
                    println!(
                        "{}  {:<9} {}\n    {}",
                        short(&h.article.id),
                        h.article.status.as_str(),
                        h.article.headline,
                        one_line(&h.snippet)
                    );
                }
            });
        }
        Command::History { id } => {
            let revisions = library.store().revisions(&resolve(library, &id)?)?;
            out.print(&revisions, |revisions| {
                for r in revisions {
                    let version = r.version.map_or("-".to_owned(), |v| format!("v{v}"));
                    let kind = serde_json::to_value(r.kind).unwrap_or_default();
                    let saved = rfc3339(r.saved_at);
                    let by = if r.author.is_empty() {
                        String::new()
                    } else {
                        format!("  (by {})", crate::output::visible(&r.author))
                    };
                    println!(
                        "#{:<3} {:<5} {:<9} {:<9} {saved}  {}{by}",
                        r.number,
                        version,
                        kind.as_str().unwrap_or_default(),
                        r.status.as_str(),
                        r.fields.headline
                    );
                }
            });
        }
        Command::Diff { id, from, to } => {
            let id = resolve(library, &id)?;
            let (old, new) = (
                library.store().revision(&id, from)?,
                library.store().revision(&id, to)?,
            );
            let diffs = history::diff_revisions(&old, &new);
            out.print(&diffs, |diffs| {
                if diffs.is_empty() {
                    println!("revisions {from} and {to} are the same");
                } else {
                    print!("{}", history::plain_text(diffs));
                }
            });
        }
        Command::Restore {
            id,
            rev,
            base_version,
        } => {
            let id = resolve(library, &id)?;
            let article = library
                .store_mut()
                .restore_revision(&id, rev, base_version)?;
            out.print(&article, print_saved);
        }
        Command::Status {
            id,
            status,
            base_version,
        } => {
            let id = resolve(library, &id)?;
            let article = library.store_mut().set_status(&id, base_version, status)?;
            out.print(&article, print_saved);
        }
        Command::Import { file } => {
            let imported = markdown_file::import_file(library.store_mut(), &file)?;
            out.print(&imported, |i| {
                let verb = if i.created { "created" } else { "saved" };
                println!("{verb} {} version {}", i.article.id, i.article.version);
            });
        }
        Command::ExportMd { id, out: path } => {
            let article = library.store().article(&resolve(library, &id)?)?;
            let markdown = markdown_file::to_markdown(&article);
            if let Some(path) = &path {
                std::fs::write(path, &markdown)
                    .context(|| format!("writing {}", path.display()))?;
            }
            let markdown = path.is_none().then_some(markdown);
            let exported = Exported {
                id: article.id,
                version: article.version,
                path,
                markdown,
            };
            out.print(&exported, |e| match (&e.path, &e.markdown) {
                (Some(path), _) => println!("wrote {}", path.display()),
                (None, markdown) => print!("{}", markdown.as_deref().unwrap_or_default()),
            });
        }
        Command::Demo => {
            let report = demo::fill_library(library)?;
            out.print(&report, |r| {
                println!(
                    "{} demo articles written, {} already there; {} demo photos on the photo desk, {} already there",
                    r.created.len(),
                    r.already_there,
                    r.photos_created.len(),
                    r.photos_already_there
                )
            });
        }
    }
    Ok(())
}

fn resolve(library: &Library, id: &str) -> Result<String> {
    library.store().resolve_article_id(id)
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn short(id: &str) -> &str {
    newsdesk_core::text::short_article_id(id)
}

fn print_saved(article: &Article) {
    println!(
        "{} version {} {}",
        article.id, article.version, article.status
    );
}

#[derive(Serialize)]
struct Exported {
    id: String,
    version: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown: Option<String>,
}

/// What `show` prints: the article, what the body renders to and the editorial warnings.
#[derive(Serialize)]
struct Shown {
    #[serde(flatten)]
    article: Article,
    stats: render::TextStats,
    warnings: Vec<Warning>,
    #[serde(skip_serializing_if = "Option::is_none")]
    html: Option<String>,
    /// Fields two people on the desk set at once, waiting for an editor.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    conflicts: Vec<newsdesk_core::store::FieldConflict>,
}

impl Shown {
    fn new(library: &Library, article: Article, with_html: bool) -> Result<Shown> {
        let body = &article.fields.body;
        let Rendered { html, stats, .. } = if with_html {
            let files = placed_renditions(library, body)?;
            let figures = LibraryFigures::new(library.store(), |photo, crop| {
                let placed = PhotoRef {
                    photo_id: photo.id.clone(),
                    crop: crop.map(|c| c.name.clone()),
                };
                files.get(&placed).cloned().unwrap_or_default()
            });
            render::render(body, &figures)?
        } else {
            render::render(body, &NoPhotos)?
        };
        let warnings = render::warnings(&article.fields, &stats);
        let conflicts = library.store().open_conflicts(&article.id)?;
        Ok(Shown {
            conflicts,
            article,
            stats,
            warnings,
            html: with_html.then_some(html),
        })
    }
}

/// Width of the renditions `show --html` points at: enough for a screen, quick to make.
const SHOWN_WIDTH: u32 = 1280;

/// A file:// URL of a cached rendition for every photo placed in the body, so the printed
/// HTML opens in a browser on this machine. Made before rendering so that a rendition that
/// cannot be made is reported, not turned into a broken image; photos or crops that are not
/// in the library are left out, and the render shows them as missing.
fn placed_renditions(library: &Library, body: &str) -> Result<HashMap<PhotoRef, String>> {
    let mut files = HashMap::new();
    for placed in render::photo_refs(body) {
        if files.contains_key(&placed) {
            continue;
        }
        let made = photo::renditions(
            library,
            &placed.photo_id,
            placed.crop.as_deref(),
            &[SHOWN_WIDTH],
        );
        let rendition = match made {
            Ok(mut made) => made.remove(0),
            Err(Error::NotFound { .. }) => continue,
            Err(e) => return Err(e),
        };
        files.insert(placed, file_url(&rendition.path)?);
    }
    Ok(files)
}

fn file_url(path: &Path) -> Result<String> {
    let absolute = std::path::absolute(path)
        .context(|| format!("finding the full path of {}", path.display()))?;
    url::Url::from_file_path(&absolute)
        .map(String::from)
        .map_err(|()| {
            Error::invalid(format!(
                "{} cannot be written as a file:// URL",
                absolute.display()
            ))
        })
}

fn print_shown(shown: &Shown) {
    let (a, f) = (&shown.article, &shown.article.fields);
    println!("{}  version {}  {}", a.id, a.version, a.status);
    let labels = [
        ("slugline", f.slugline.clone()),
        ("kicker", f.kicker.clone()),
        ("section", f.section.clone()),
        ("headline", f.headline.clone()),
        ("dek", f.dek.clone()),
        ("byline", f.byline()),
        (
            "dateline",
            [f.dateline.place.as_str(), f.dateline.date.as_str()]
                .join(" ")
                .trim()
                .to_owned(),
        ),
        ("keywords", f.keywords.join(", ")),
        ("editor's note", f.editors_note.clone()),
        ("language", f.language.clone()),
        ("embargo", f.embargo.map(rfc3339).unwrap_or_default()),
    ];
    for (label, value) in labels.iter().filter(|(_, v)| !v.is_empty()) {
        println!("{label:>13}: {value}");
    }
    for r in &f.related {
        println!("{:>13}: {} <{}>", "related", r.title, r.url);
    }
    for c in &f.corrections {
        println!("{:>13}: {} {}", "correction", c.date, c.text);
    }
    println!();
    println!("{}", shown.html.as_deref().unwrap_or(&f.body).trim_end());
    println!();
    let s = &shown.stats;
    println!(
        "{} words, {} characters, {} min read",
        s.words, s.chars, s.reading_minutes
    );
    for w in &shown.warnings {
        println!("warning: {}: {}", w.field, w.message);
    }
    for c in &shown.conflicts {
        let values: Vec<String> = c
            .candidates
            .iter()
            .map(|v| format!("{} (by {})", v.value, v.by))
            .collect();
        println!(
            "conflict: {}: {} (newsdesk desk resolve)",
            c.field,
            crate::output::visible(&values.join(" or "))
        );
    }
}
