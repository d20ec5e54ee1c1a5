//! Writing a [`Job`] in each format: plain text, a JSONL row, a careers page with JSON-LD, a
//! Hacker News comment.

use serde::Serialize;

use super::data::PLACES;
use super::model::{Employment, Job, Mode, Period, Section, World};
use super::rng::Rng;

/// How a text posting writes headings and bullets.
struct TextStyle {
    upper: bool,
    colon: bool,
    bullet: &'static str,
    blank_lines: bool,
}

fn text_style(rng: &mut Rng) -> TextStyle {
    TextStyle {
        upper: rng.chance(0.15),
        colon: rng.chance(0.2),
        bullet: rng.pick(&["- ", "- ", "• ", "* ", "– "]),
        blank_lines: rng.chance(0.7),
    }
}

fn push_sections_text(sections: &[Section], style: &TextStyle, out: &mut String) {
    for (i, s) in sections.iter().enumerate() {
        if i > 0 && style.blank_lines {
            out.push('\n');
        }
        if !s.heading.is_empty() {
            if style.upper {
                out.push_str(&s.heading.to_uppercase());
            } else {
                out.push_str(&s.heading);
            }
            if style.colon {
                out.push(':');
            }
            out.push('\n');
        }
        for p in &s.paragraphs {
            out.push_str(p);
            out.push('\n');
        }
        for b in &s.bullets {
            out.push_str(style.bullet);
            out.push_str(b);
            out.push('\n');
        }
    }
}

/// A plain-text posting. Titled: the title line, "Label: value" lines, the description.
/// Untitled: just the description, as pasted from a careers page.
pub fn text(world: &World, job: &Job, rng: &mut Rng, untitled: bool, out: &mut String) {
    let style = text_style(rng);
    if !untitled {
        let company = &world.companies[job.company];
        out.push_str(&job.title);
        out.push('\n');
        let mut labels: Vec<(&str, String)> = Vec::new();
        if let Some(s) = &job.salary_phrase
            && rng.chance(0.7)
        {
            labels.push((
                rng.pick(&["Salary", "Salary", "Compensation", "Pay", "Salary range"]),
                s.clone(),
            ));
        }
        if rng.chance(0.6) {
            labels.push((
                rng.pick(&["Type", "Employment type", "Job type"]),
                job.employment_phrase.into(),
            ));
        }
        if rng.chance(0.5) {
            labels.push((
                rng.pick(&["Workplace", "Work mode", "Workplace type"]),
                job.mode_phrase.into(),
            ));
        }
        if rng.chance(0.5) {
            labels.push((rng.pick(&["Posted", "Date posted"]), job.posted.clone()));
        }
        if rng.chance(0.3) {
            labels.push((rng.pick(&["Team", "Department"]), job.team.into()));
        }
        if rng.chance(0.4) {
            labels.push((rng.pick(&["Apply", "URL"]), job.url.clone()));
        }
        rng.shuffle(&mut labels);
        let loc_label = rng.pick(&["Location", "Location", "Locations", "Job location"]);
        labels.insert(
            0,
            (
                loc_label,
                job.location_line(rng.pick(&["; ", " / ", " or "])),
            ),
        );
        labels.insert(
            0,
            (
                rng.pick(&["Company", "Company", "Company", "Employer"]),
                company.name.clone(),
            ),
        );
        for (k, v) in labels {
            out.push_str(k);
            out.push_str(": ");
            out.push_str(&v);
            out.push('\n');
        }
        out.push('\n');
    }
    push_sections_text(&job.sections, &style, out);
}

fn markdown(sections: &[Section], out: &mut String) {
    for s in sections {
        if !s.heading.is_empty() {
            out.push_str("**");
            out.push_str(&s.heading);
            out.push_str("**\n\n");
        }
        for p in &s.paragraphs {
            out.push_str(p);
            out.push_str("\n\n");
        }
        for b in &s.bullets {
            out.push_str("* ");
            out.push_str(b);
            out.push('\n');
        }
        if !s.bullets.is_empty() {
            out.push('\n');
        }
    }
    while out.ends_with('\n') {
        out.pop();
    }
}

#[derive(Serialize)]
struct Row<'a> {
    title: &'a str,
    company: &'a str,
    location: String,
    description: String,
    salary: Option<&'a str>,
    date_posted: Option<String>,
    job_url: &'a str,
    remote: bool,
    job_type: Option<&'static str>,
}

/// One line of a scraper's JSONL export (newline included).
pub fn jsonl_line(world: &World, job: &Job, rng: &mut Rng, out: &mut String) {
    let mut description = String::with_capacity(5000);
    markdown(&job.sections, &mut description);
    let location = job
        .places
        .iter()
        .map(|&p| {
            let place = &PLACES[p];
            match place.code {
                "US" | "CA" if !place.remote => {
                    format!("{}, {}, {}", place.city, place.region, place.code)
                }
                _ => place.display(),
            }
        })
        .collect::<Vec<_>>()
        .join(" / ");
    let row = Row {
        title: &job.title,
        company: &world.companies[job.company].name,
        location,
        description,
        salary: job.salary_phrase.as_deref(),
        date_posted: (!rng.chance(0.05)).then(|| iso_date(job.date)),
        job_url: &job.url,
        remote: job.mode == Mode::Remote,
        job_type: (!rng.chance(0.1)).then_some(match job.employment {
            Employment::FullTime => "fulltime",
            Employment::PartTime => "parttime",
            Employment::Contract => "contract",
            Employment::Internship => "internship",
            Employment::Temporary => "temporary",
        }),
    };
    out.push_str(&serde_json::to_string(&row).expect("a row serializes"));
    out.push('\n');
}

fn iso_date((m, d): (u32, u32)) -> String {
    format!("2026-{m:02}-{d:02}")
}

fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_html(s, &mut out);
    out
}

fn sections_html(sections: &[Section], strong_headings: bool, out: &mut String) {
    for s in sections {
        if !s.heading.is_empty() {
            out.push_str(if strong_headings {
                "<p><strong>"
            } else {
                "<h3>"
            });
            escape_html(&s.heading, out);
            out.push_str(if strong_headings {
                "</strong></p>\n"
            } else {
                "</h3>\n"
            });
        }
        for p in &s.paragraphs {
            out.push_str("<p>");
            escape_html(p, out);
            out.push_str("</p>\n");
        }
        if !s.bullets.is_empty() {
            out.push_str("<ul>\n");
            for b in &s.bullets {
                out.push_str("<li>");
                escape_html(b, out);
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
    }
}

#[derive(Serialize)]
struct Typed<T> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(flatten)]
    inner: T,
}

#[derive(Serialize)]
struct Org<'a> {
    name: &'a str,
    #[serde(rename = "sameAs")]
    same_as: String,
}

#[derive(Serialize)]
struct Address {
    #[serde(rename = "addressLocality")]
    locality: &'static str,
    #[serde(rename = "addressRegion", skip_serializing_if = "str::is_empty")]
    region: &'static str,
    #[serde(rename = "addressCountry")]
    country: &'static str,
}

#[derive(Serialize)]
struct PlaceLd {
    address: Typed<Address>,
}

#[derive(Serialize)]
struct Country {
    name: &'static str,
}

#[derive(Serialize)]
struct Quantity {
    #[serde(rename = "minValue")]
    min: u64,
    #[serde(rename = "maxValue")]
    max: u64,
    #[serde(rename = "unitText")]
    unit: &'static str,
}

#[derive(Serialize)]
struct Money {
    currency: &'static str,
    value: Typed<Quantity>,
}

#[derive(Serialize)]
struct JobPostingLd<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    title: &'a str,
    description: String,
    #[serde(rename = "datePosted")]
    date_posted: String,
    #[serde(rename = "validThrough")]
    valid_through: String,
    #[serde(rename = "employmentType")]
    employment_type: &'static str,
    #[serde(rename = "hiringOrganization")]
    hiring_organization: Typed<Org<'a>>,
    #[serde(rename = "jobLocation", skip_serializing_if = "Vec::is_empty")]
    job_location: Vec<Typed<PlaceLd>>,
    #[serde(rename = "jobLocationType", skip_serializing_if = "Option::is_none")]
    job_location_type: Option<&'static str>,
    #[serde(
        rename = "applicantLocationRequirements",
        skip_serializing_if = "Option::is_none"
    )]
    applicant_location_requirements: Option<Typed<Country>>,
    #[serde(rename = "baseSalary", skip_serializing_if = "Option::is_none")]
    base_salary: Option<Typed<Money>>,
    url: &'a str,
}

fn json_ld(world: &World, job: &Job, description: String, rng: &mut Rng) -> String {
    let company = &world.companies[job.company];
    let (m, d) = job.date;
    let ld = JobPostingLd {
        context: "https://schema.org/",
        kind: "JobPosting",
        title: &job.title,
        description,
        date_posted: iso_date(job.date),
        valid_through: format!("2026-{:02}-{d:02}T23:59:59Z", m + 2),
        employment_type: match job.employment {
            Employment::FullTime => "FULL_TIME",
            Employment::PartTime => "PART_TIME",
            Employment::Contract => "CONTRACTOR",
            Employment::Internship => "INTERN",
            Employment::Temporary => "TEMPORARY",
        },
        hiring_organization: Typed {
            kind: "Organization",
            inner: Org {
                name: &company.name,
                same_as: format!("https://{}.example", company.slug),
            },
        },
        job_location: job
            .places
            .iter()
            .map(|&p| &PLACES[p])
            .filter(|p| !p.remote)
            .map(|p| Typed {
                kind: "Place",
                inner: PlaceLd {
                    address: Typed {
                        kind: "PostalAddress",
                        inner: Address {
                            locality: p.city,
                            region: p.region,
                            country: p.code,
                        },
                    },
                },
            })
            .collect(),
        job_location_type: (job.mode == Mode::Remote).then_some("TELECOMMUTE"),
        applicant_location_requirements: Some(job.place())
            .filter(|p| p.remote && !p.country.is_empty())
            .map(|p| Typed {
                kind: "Country",
                inner: Country { name: p.country },
            }),
        base_salary: job.salary.as_ref().map(|s| Typed {
            kind: "MonetaryAmount",
            inner: Money {
                currency: s.currency,
                value: Typed {
                    kind: "QuantitativeValue",
                    inner: Quantity {
                        min: s.min,
                        max: s.max,
                        unit: match s.period {
                            Period::Year => "YEAR",
                            Period::Month => "MONTH",
                            Period::Day => "DAY",
                            Period::Hour => "HOUR",
                        },
                    },
                },
            },
        }),
        url: &job.url,
    };
    let json = if rng.chance(0.5) {
        serde_json::to_string_pretty(&ld)
    } else {
        serde_json::to_string(&ld)
    }
    .expect("JSON-LD serializes");
    // Inside <script>, "</" would end the element early.
    json.replace("</", "<\\/")
}

const CSS: &[&str] = &[
    "body{margin:0;font-family:Inter,system-ui,-apple-system,sans-serif;color:#1f2328;background:#fff}\n.site-header{display:flex;align-items:center;justify-content:space-between;padding:16px 32px;border-bottom:1px solid #eaeef2}\n.site-header nav ul{display:flex;gap:24px;list-style:none;margin:0;padding:0}\nmain{max-width:760px;margin:40px auto;padding:0 24px;line-height:1.6}\n.job-title{font-size:2rem;margin-bottom:8px}\n.job-meta{color:#57606a;margin-bottom:32px}\n.apply-button{display:inline-block;padding:12px 24px;border-radius:8px;background:#0969da;color:#fff;text-decoration:none}\nfooter{padding:32px;color:#57606a;border-top:1px solid #eaeef2;font-size:.875rem}",
    ":root{--brand:#5b3df5;--ink:#111827;--muted:#6b7280}\n*{box-sizing:border-box}\nbody{font:16px/1.5 'Helvetica Neue',Arial,sans-serif;color:var(--ink)}\n.topbar{background:var(--brand);color:#fff;padding:12px 24px}\n.topbar a{color:#fff;margin-right:16px}\n.posting{display:grid;grid-template-columns:2fr 1fr;gap:48px;max-width:1100px;margin:0 auto;padding:48px 24px}\n.posting aside{border-left:1px solid #e5e7eb;padding-left:24px}\n.tag{display:inline-block;padding:2px 8px;border-radius:999px;background:#eef2ff;color:var(--brand);font-size:12px}\n@media (max-width:800px){.posting{grid-template-columns:1fr}}",
    "html,body{height:100%}body{background:#f6f8fa;font-family:Roboto,sans-serif}\n.container{max-width:960px;margin:0 auto;background:#fff;padding:32px;box-shadow:0 1px 3px rgba(0,0,0,.08)}\nh1{font-weight:600}h3{margin-top:28px}\n.similar li{margin:6px 0}\n.cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#24292f;color:#fff;padding:12px}",
];

/// A saved careers page: head with styles and scripts, navigation, the posting, a footer, and
/// the schema.org `JobPosting` JSON-LD.
pub fn html(world: &World, job: &Job, rng: &mut Rng, out: &mut String) {
    let company = &world.companies[job.company];
    let skin = rng.below(3);
    let mut desc = String::with_capacity(6000);
    sections_html(&job.sections, rng.chance(0.3), &mut desc);
    let ld = json_ld(world, job, desc.clone(), rng);
    let loc = esc(&job.location_line(" · "));
    let title = esc(&job.title);
    let name = esc(&company.name);
    let build = rng.next_u64() & 0xffff_ffff;
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>{title} - {name} Careers</title>\n"));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<meta name=\"description\" content=\"{name} is hiring {} {title} in {loc}. Apply today.\">\n",
        job.article()
    ));
    out.push_str(&format!(
        "<meta property=\"og:title\" content=\"{title}\">\n<link rel=\"canonical\" href=\"{}\">\n",
        job.url
    ));
    out.push_str(&format!("<link rel=\"stylesheet\" href=\"/assets/careers.{build:08x}.css\">\n<style>\n{}\n</style>\n", CSS[skin]));
    out.push_str("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-XXXXXXX');</script>\n");
    let ld_in_head = rng.chance(0.6);
    if ld_in_head {
        out.push_str("<script type=\"application/ld+json\">\n");
        out.push_str(&ld);
        out.push_str("\n</script>\n");
    }
    out.push_str("</head>\n");
    match skin {
        0 => {
            out.push_str(&format!("<body class=\"job-page\">\n<header class=\"site-header\"><a href=\"/\" class=\"logo\">{name}</a>\n<nav aria-label=\"Main\"><ul><li><a href=\"/product\">Product</a></li><li><a href=\"/customers\">Customers</a></li><li><a href=\"/about\">About</a></li><li><a href=\"/careers\">Careers</a></li><li><a href=\"/blog\">Blog</a></li></ul></nav></header>\n<main>\n"));
            out.push_str(&format!(
                "<p class=\"breadcrumbs\"><a href=\"/careers\">All jobs</a> › {}</p>\n",
                esc(job.team)
            ));
            out.push_str(&format!("<h1 class=\"job-title\">{title}</h1>\n<div class=\"job-meta\"><span class=\"location\">{loc}</span> · <span>{}</span> · <span>{}</span></div>\n", esc(job.mode_phrase), esc(job.employment_phrase)));
            out.push_str("<article class=\"job-description\">\n");
            out.push_str(&desc);
            out.push_str(&format!("</article>\n<a class=\"apply-button\" href=\"{}/apply\">Apply for this job</a>\n</main>\n", job.url));
        }
        1 => {
            out.push_str(&format!("<body>\n<div class=\"topbar\"><nav><a href=\"https://{}.example\">{name}</a><a href=\"/jobs\">Open positions</a><a href=\"/life\">Life at {name}</a></nav></div>\n<div class=\"posting\">\n<section>\n", company.slug));
            out.push_str(&format!("<h1>{title}</h1>\n<p><span class=\"tag\">{}</span> <span class=\"tag\">{}</span> <span class=\"tag\">{loc}</span></p>\n", esc(job.team), esc(job.mode_phrase)));
            out.push_str(&desc);
            out.push_str("</section>\n<aside>\n<h4>Apply</h4>\n<form action=\"/apply\" method=\"post\"><label>Full name <input name=\"name\" required></label><label>Email <input type=\"email\" name=\"email\" required></label><label>Resume/CV <input type=\"file\" name=\"cv\"></label><button type=\"submit\">Submit application</button></form>\n");
            if let Some(s) = &job.salary_phrase {
                out.push_str(&format!("<p class=\"pay\">{}</p>\n", esc(s)));
            }
            out.push_str("</aside>\n</div>\n");
        }
        _ => {
            out.push_str("<body>\n<div id=\"cookie\" class=\"cookie-banner\">We use cookies to improve your experience. <button>Accept</button></div>\n<nav class=\"boards-nav\"><a href=\"/\">Hireflow Boards</a> › <a href=\"/companies\">Companies</a></nav>\n<div class=\"container\">\n");
            out.push_str(&format!("<h1>{title}</h1>\n<h2 class=\"company\">{name}</h2>\n<p class=\"meta\">{loc} — {} — posted {}</p>\n", esc(job.employment_phrase), esc(&job.posted)));
            out.push_str(&desc);
            out.push_str("<h3>Similar jobs</h3>\n<ul class=\"similar\">\n");
            for _ in 0..3 {
                let (role, ..) = rng.pick(super::data::ROLES);
                out.push_str(&format!(
                    "<li><a href=\"/jobs/{}\">{role}</a></li>\n",
                    rng.range(10_000, 99_999)
                ));
            }
            out.push_str("</ul>\n</div>\n");
        }
    }
    out.push_str(&format!("<footer>\n<p>© 2026 {name}. All rights reserved.</p>\n<p><a href=\"/privacy\">Privacy policy</a> · <a href=\"/terms\">Terms</a> · <a href=\"/accessibility\">Accessibility</a></p>\n</footer>\n"));
    if !ld_in_head {
        out.push_str("<script type=\"application/ld+json\">");
        out.push_str(&ld);
        out.push_str("</script>\n");
    }
    out.push_str(&format!(
        "<script src=\"/assets/app.{build:08x}.js\" defer></script>\n</body>\n</html>\n"
    ));
}

/// A Hacker News "Who is hiring" comment: a "Company | Title | Location | …" line with its
/// fields in varied order, then 1–4 paragraphs.
pub fn hn(world: &World, job: &Job, rng: &mut Rng, out: &mut String) {
    let company = &world.companies[job.company];
    let place = job.place();
    let mut fields: Vec<String> = vec![job.title.clone()];
    if !place.remote {
        fields.push(job.location_line(rng.pick(&[" or ", "; ", " / "])));
    }
    fields.push(match job.mode {
        Mode::Remote if !place.country.is_empty() => rng
            .pick(&["REMOTE ({})", "Remote ({})", "REMOTE ({} only)"])
            .replace("{}", place.country),
        Mode::Remote => rng
            .pick(&["REMOTE", "Remote", "REMOTE (anywhere)"])
            .to_string(),
        Mode::Hybrid => rng
            .pick(&["HYBRID", "Hybrid", "ONSITE or HYBRID"])
            .to_string(),
        Mode::Onsite => rng.pick(&["ONSITE", "Onsite", "ON-SITE"]).to_string(),
    });
    if let Some(s) = &job.salary_phrase
        && rng.chance(0.6)
    {
        fields.push(s.clone());
    }
    if rng.chance(0.2) {
        fields.push("VISA".into());
    }
    if job.employment == Employment::Internship || rng.chance(0.06) {
        fields.push("INTERNS".into());
    }
    if rng.chance(0.3) {
        fields.push(job.employment_phrase.into());
    }
    if rng.chance(0.75) {
        fields.push(job.url.clone());
    }
    rng.shuffle(&mut fields);
    // The company leads, as the thread asks; now and then the title does.
    let at = if rng.chance(0.88) {
        0
    } else {
        1.min(fields.len())
    };
    fields.insert(at, company.name.clone());
    out.push_str(&fields.join(" | "));
    out.push_str("\n\n");
    for p in super::desc::hn_paragraphs(world, job, rng) {
        out.push_str(&p);
        out.push_str("\n\n");
    }
    out.pop();
}
