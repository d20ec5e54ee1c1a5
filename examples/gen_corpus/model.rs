//! What a synthetic posting is, before it is written in any format, and how one is drawn.

use std::collections::{HashMap, HashSet};

use super::data::{self, Family, Place};
use super::rng::Rng;

/// One company: a name made of parts, an industry, products, a home city.
#[derive(Debug, Clone)]
pub struct Company {
    pub name: String,
    /// Lower-case, dash-separated (file names, web addresses).
    pub slug: String,
    pub domain: &'static str,
    pub products: Vec<String>,
    pub hq: usize,
    pub founded: u32,
    pub employees: u32,
}

/// A skill of `assets/skills.toml`: canonical name and the aliases a posting may use instead.
#[derive(Debug, Clone)]
pub struct Skill {
    pub name: String,
    pub aliases: Vec<String>,
}

/// Everything drawn once per run.
pub struct World {
    pub companies: Vec<Company>,
    pub skills: Vec<Skill>,
    skill_ids: HashMap<String, usize>,
    place_weights: Vec<u32>,
    role_weights: Vec<u32>,
    seniority_weights: Vec<u32>,
    /// (company, title, sorted places) already used: postings never share an identity.
    used: HashSet<(usize, String, Vec<usize>)>,
}

/// A posting, format-free.
#[derive(Debug, Clone)]
pub struct Job {
    pub company: usize,
    pub title: String,
    pub family: Family,
    /// Indexes into [`data::PLACES`].
    pub places: Vec<usize>,
    /// Indexes into [`World::skills`].
    pub skills: Vec<usize>,
    pub mode: Mode,
    /// How the posting states the work mode: "Remote-first", "Hybrid (3 days in office)"…
    pub mode_phrase: &'static str,
    pub employment: Employment,
    /// "Full-time", "Contract (6 months)", "Permanent"…
    pub employment_phrase: &'static str,
    pub salary: Option<Salary>,
    /// "$150k–$200k", "competitive", or None when the posting says nothing about pay.
    pub salary_phrase: Option<String>,
    /// 2026-MM-DD.
    pub date: (u32, u32),
    /// As the page shows it: the date or "3d ago".
    pub posted: String,
    pub team: &'static str,
    pub years: u32,
    pub url: String,
    /// The description, set by [`super::desc::describe`].
    pub sections: Vec<Section>,
}

/// A heading with its paragraphs and bullets (either may be empty).
#[derive(Debug, Clone, Default)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub bullets: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Remote,
    Hybrid,
    Onsite,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Employment {
    FullTime,
    PartTime,
    Contract,
    Internship,
    Temporary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year,
    Month,
    Day,
    Hour,
}

/// A pay range in a currency's own units per period.
#[derive(Debug, Clone, PartialEq)]
pub struct Salary {
    /// ISO 4217.
    pub currency: &'static str,
    pub min: u64,
    pub max: u64,
    pub period: Period,
}

impl Job {
    pub fn place(&self) -> &'static Place {
        &data::PLACES[self.places[0]]
    }

    /// The places as the posting lists them: "Austin, TX; New York, NY".
    pub fn location_line(&self, sep: &str) -> String {
        let names: Vec<String> = self
            .places
            .iter()
            .map(|&p| data::PLACES[p].display())
            .collect();
        names.join(sep)
    }

    /// "a" or "an" for the title.
    pub fn article(&self) -> &'static str {
        article(&self.title)
    }
}

pub fn article(word: &str) -> &'static str {
    match word.chars().next() {
        Some('A' | 'E' | 'I' | 'O' | 'a' | 'e' | 'i' | 'o') => "an",
        _ => "a",
    }
}

pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

impl World {
    pub fn new(seed: u64) -> World {
        let mut rng = Rng::derive(seed, 1);
        // Every prefix × suffix, shuffled; several hundred of them are in business.
        let mut names: Vec<(usize, usize)> = (0..data::COMPANY_PREFIXES.len())
            .flat_map(|p| (0..data::COMPANY_SUFFIXES.len()).map(move |s| (p, s)))
            .collect();
        rng.shuffle(&mut names);
        names.truncate(640);
        let companies = names
            .into_iter()
            .map(|(p, s)| {
                let (suffix, industry) = data::COMPANY_SUFFIXES[s];
                let prefix = data::COMPANY_PREFIXES[p];
                let name = if suffix.is_empty() {
                    prefix.to_string()
                } else {
                    format!("{prefix} {suffix}")
                };
                let domain = if industry.is_empty() {
                    rng.pick(data::DOMAINS)
                } else {
                    industry
                };
                let products = (0..rng.range(1, 3))
                    .map(|_| match rng.below(3) {
                        0 => format!("{prefix} {}", rng.pick(data::PRODUCT_WORDS)),
                        _ => rng.pick(data::PRODUCT_WORDS).to_string(),
                    })
                    .collect();
                Company {
                    slug: slug(&name),
                    name,
                    domain,
                    products,
                    hq: rng.below(data::PLACES.len()),
                    founded: rng.range(1998, 2023) as u32,
                    employees: rng.pick(&[40, 120, 300, 800, 2500, 9000, 30000]),
                }
            })
            .collect::<Vec<_>>();
        let skills = load_skills();
        World {
            companies,
            skill_ids: skills
                .iter()
                .enumerate()
                .map(|(i, s)| (s.name.clone(), i))
                .collect(),
            skills,
            place_weights: data::PLACES.iter().map(|p| p.weight).collect(),
            role_weights: data::ROLES.iter().map(|r| r.2).collect(),
            seniority_weights: data::SENIORITIES.iter().map(|s| s.1).collect(),
            used: HashSet::new(),
        }
    }

    pub fn skill_index(&self, name: &str) -> usize {
        *self
            .skill_ids
            .get(name)
            .unwrap_or_else(|| panic!("skill {name:?} is not in assets/skills.toml"))
    }

    /// Draws a posting whose (company, title, places) no earlier posting has. `plain_title`:
    /// a title that a sentence can carry whole (capitalized words, no specialization).
    pub fn job(&mut self, rng: &mut Rng, plain_title: bool) -> Job {
        loop {
            let company = (rng.unit().powf(1.8) * self.companies.len() as f64) as usize;
            let (title, family, seniority, lead) = self.title(rng, plain_title);
            if plain_title
                && !title
                    .split_whitespace()
                    .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
            {
                continue;
            }
            let mut places = vec![rng.weighted(&self.place_weights)];
            if !data::PLACES[places[0]].remote && rng.chance(0.12) {
                let second = rng.weighted(&self.place_weights);
                if !data::PLACES[second].remote && second != places[0] {
                    places.push(second);
                }
            }
            let mut key_places = places.clone();
            key_places.sort_unstable();
            if !self
                .used
                .insert((company, title.to_lowercase(), key_places))
            {
                continue;
            }
            let skills = self.skills_for(rng, family, lead);
            let place = &data::PLACES[places[0]];
            let mode = if place.remote {
                Mode::Remote
            } else {
                [Mode::Onsite, Mode::Hybrid, Mode::Remote][rng.weighted(&[45, 37, 18])]
            };
            let mode_phrase = rng.pick(match mode {
                Mode::Remote => &[
                    "Remote",
                    "Fully remote",
                    "Remote-first",
                    "100% remote",
                    "Remote OK",
                    "Work from home",
                    "Remote (async-friendly)",
                ][..],
                Mode::Hybrid => &[
                    "Hybrid",
                    "Hybrid (3 days in office)",
                    "Hybrid - 2 days/week in office",
                    "Flexible hybrid",
                    "Hybrid remote",
                ],
                Mode::Onsite => &[
                    "On-site",
                    "Onsite",
                    "In office",
                    "On-site (5 days)",
                    "Office-based",
                ],
            });
            let employment = if seniority == "Intern" {
                Employment::Internship
            } else {
                [
                    Employment::FullTime,
                    Employment::Contract,
                    Employment::PartTime,
                    Employment::Temporary,
                ][rng.weighted(&[86, 9, 3, 2])]
            };
            let employment_phrase = rng.pick(match employment {
                Employment::FullTime => &[
                    "Full-time",
                    "Full-time",
                    "Full Time",
                    "Permanent",
                    "Full-time, permanent",
                    "Full-time employee",
                ][..],
                Employment::Contract => &[
                    "Contract",
                    "Contract (6 months)",
                    "Contractor",
                    "Freelance",
                    "B2B contract",
                    "Contract to hire",
                ],
                Employment::PartTime => {
                    &["Part-time", "Part Time (20h/week)", "Part-time (30 hours)"]
                }
                Employment::Internship => &["Internship", "Intern (12 weeks)", "Summer internship"],
                Employment::Temporary => &[
                    "Temporary",
                    "Fixed-term (12 months)",
                    "Temporary (maternity cover)",
                ],
            });
            let (salary, salary_phrase) =
                super::salary::draw(rng, place, family, seniority, employment);
            let date = (rng.range(1, 6) as u32, rng.range(1, 28) as u32);
            let posted = if rng.chance(0.6) {
                format!("2026-{:02}-{:02}", date.0, date.1)
            } else {
                rng.pick(&[
                    "3d ago",
                    "1d ago",
                    "5d ago",
                    "12h ago",
                    "1w ago",
                    "2w ago",
                    "1mo ago",
                    "Posted 2 days ago",
                    "Posted 6 days ago",
                    "2 weeks ago",
                    "30+ days ago",
                    "today",
                    "yesterday",
                    "Posted today",
                    "4 days ago",
                ])
                .to_string()
            };
            let years = match seniority {
                "Intern" => 0,
                "Junior" | "Jr." | "Associate" => rng.range(0, 2) as u32,
                "" | "Mid-level" => rng.range(2, 5) as u32,
                "Senior" | "Sr." | "Lead" => rng.range(5, 8) as u32,
                _ => rng.range(8, 12) as u32,
            };
            let slug_c = &self.companies[company].slug;
            let n = rng.range(1000, 9_999_999);
            let url = match rng.below(4) {
                0 => format!("https://{slug_c}.example/careers/{n}"),
                1 => format!("https://jobs.{slug_c}.example/{}-{n}", slug(&title)),
                2 => format!("https://boards.hireflow.example/{slug_c}/jobs/{n}"),
                _ => format!("https://apply.workwise.example/{slug_c}/{}", slug(&title)),
            };
            return Job {
                company,
                title,
                family,
                places,
                skills,
                mode,
                mode_phrase,
                employment,
                employment_phrase,
                salary,
                salary_phrase,
                date,
                posted,
                team: rng.pick(data::TEAMS),
                years,
                url,
                sections: Vec::new(),
            };
        }
    }

    /// seniority × role × specialization. `plain` titles have no trailing specialization that
    /// a sentence would cut off ("…looking for a Staff Data Scientist, Ads to…").
    fn title(&self, rng: &mut Rng, plain: bool) -> (String, Family, &'static str, &'static str) {
        let (role, family, _, lead) = data::ROLES[rng.weighted(&self.role_weights)];
        let (sen, _) = data::SENIORITIES[rng.weighted(&self.seniority_weights)];
        let sen = match (family, sen) {
            (Family::Management, "Intern" | "Junior" | "Jr." | "Associate" | "Mid-level") => "",
            _ => sen,
        };
        let mut title = match (family, sen) {
            (_, "Intern") => format!("{role} Intern"),
            (_, "") => role.to_string(),
            _ => format!("{sen} {role}"),
        };
        if !plain && sen != "Intern" && rng.chance(0.22) {
            let spec = rng.pick(data::SPECIALIZATIONS);
            // Levels (" II") go with unprefixed titles only: "Software Engineer II".
            if !spec.starts_with(" I") || sen.is_empty() {
                title.push_str(spec);
            }
        }
        (title, family, sen, lead)
    }

    fn skills_for(&self, rng: &mut Rng, family: Family, lead: &str) -> Vec<usize> {
        let pool = skill_pool(family);
        let mut out: Vec<usize> = Vec::new();
        if !lead.is_empty() {
            out.push(self.skill_index(lead));
        }
        let want = rng.range(3, 8) as usize;
        let mut tries = 0;
        while out.len() < want && tries < 40 {
            tries += 1;
            let name = if rng.chance(0.9) {
                rng.pick_skewed(pool, 1.6)
            } else {
                // Now and then something from anywhere in the vocabulary.
                self.skills[rng.below(self.skills.len())].name.as_str()
            };
            let i = self.skill_index(name);
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }
}

impl Place {
    /// How a posting names the place: "Austin, TX", "Berlin, Germany",
    /// "Bengaluru, Karnataka, India", "Remote (US)".
    pub fn display(&self) -> String {
        if self.remote {
            return if self.country.is_empty() {
                "Remote".to_string()
            } else {
                format!("Remote ({})", self.country)
            };
        }
        match self.code {
            "US" | "CA" | "AU" => format!("{}, {}", self.city, self.region),
            "IN" => format!("{}, {}, {}", self.city, self.region, self.country),
            _ if self.city == self.country => self.city.to_string(),
            _ => format!("{}, {}", self.city, self.country),
        }
    }
}

/// The skill vocabulary, in file order (deterministic: the toml table keeps its order).
fn load_skills() -> Vec<Skill> {
    let table: toml::Table =
        toml::from_str(include_str!("../../assets/skills.toml")).expect("skills.toml parses");
    let mut out = Vec::new();
    for (_, category) in table {
        let Some(category) = category.as_table() else {
            continue;
        };
        for (name, aliases) in category {
            let aliases = aliases
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str())
                        // "=Go" is the exact-case form of the name itself.
                        .filter(|a| !a.starts_with('='))
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            out.push(Skill {
                name: name.clone(),
                aliases,
            });
        }
    }
    out
}

/// The skills a role of this family asks for, most common first.
fn skill_pool(family: Family) -> &'static [&'static str] {
    use Family::*;
    match family {
        Backend => &[
            "Python",
            "Go",
            "Java",
            "PostgreSQL",
            "AWS",
            "Kubernetes",
            "Docker",
            "Node.js",
            "TypeScript",
            "Rust",
            "Kafka",
            "Redis",
            "gRPC",
            "REST",
            "Microservices",
            "Kotlin",
            "Distributed Systems",
            "System Design",
            "Django",
            "FastAPI",
            "Spring",
            "MySQL",
            "Scala",
            "Ruby on Rails",
            "GCP",
            "C#",
            ".NET",
            "Elixir",
            "RabbitMQ",
            "MongoDB",
            "Elasticsearch",
            "CI/CD",
            "Linux",
            "SQL",
            "C++",
        ],
        Frontend => &[
            "React",
            "TypeScript",
            "JavaScript",
            "Next.js",
            "CSS",
            "HTML",
            "GraphQL",
            "Vue.js",
            "Redux",
            "Tailwind CSS",
            "Jest",
            "Cypress",
            "Angular",
            "Accessibility",
            "Design Systems",
            "Figma",
            "Storybook",
            "Vite",
            "Webpack",
            "Svelte",
            "Playwright",
            "Sass",
            "Node.js",
            "WebAssembly",
            "D3.js",
            "Three.js",
        ],
        FullStack => &[
            "TypeScript",
            "React",
            "Node.js",
            "PostgreSQL",
            "Python",
            "AWS",
            "JavaScript",
            "GraphQL",
            "Next.js",
            "Docker",
            "Ruby on Rails",
            "Django",
            "Go",
            "Redis",
            "REST",
            "Vue.js",
            "Tailwind CSS",
            "MongoDB",
            "Kubernetes",
            "CI/CD",
        ],
        Mobile => &[
            "Swift",
            "Kotlin",
            "iOS",
            "Android",
            "React Native",
            "Flutter",
            "Xcode",
            "Jetpack Compose",
            "Objective-C",
            "Dart",
            "GraphQL",
            "REST",
            "CI/CD",
            "Git",
        ],
        Infra => &[
            "Kubernetes",
            "Terraform",
            "AWS",
            "Docker",
            "Linux",
            "GCP",
            "Go",
            "Python",
            "CI/CD",
            "Prometheus",
            "Grafana",
            "Azure",
            "Helm",
            "Ansible",
            "Datadog",
            "GitHub Actions",
            "Shell",
            "Observability",
            "OpenTelemetry",
            "Jenkins",
            "Nginx",
            "Cloudflare",
            "Serverless",
            "DevOps",
            "SRE",
        ],
        Security => &[
            "Security",
            "Linux",
            "AWS",
            "Python",
            "Go",
            "Cryptography",
            "Kubernetes",
            "OAuth",
            "Terraform",
            "Splunk",
            "Rust",
            "C",
            "Docker",
        ],
        Embedded => &[
            "C", "C++", "Embedded", "RTOS", "Linux", "Python", "Rust", "FPGA", "Verilog", "VHDL",
            "Assembly", "CUDA", "Git",
        ],
        DataEng => &[
            "SQL",
            "Python",
            "Spark",
            "Airflow",
            "dbt",
            "Snowflake",
            "Kafka",
            "BigQuery",
            "AWS",
            "ETL",
            "Data Warehousing",
            "Databricks",
            "Scala",
            "Redshift",
            "PostgreSQL",
            "ClickHouse",
            "Hadoop",
            "Looker",
            "Terraform",
        ],
        Ml => &[
            "Python",
            "PyTorch",
            "Machine Learning",
            "Deep Learning",
            "TensorFlow",
            "LLM",
            "NLP",
            "scikit-learn",
            "NumPy",
            "Pandas",
            "Computer Vision",
            "Spark",
            "Kubernetes",
            "CUDA",
            "SQL",
            "C++",
            "AWS",
            "Keras",
        ],
        DataSci => &[
            "SQL",
            "Python",
            "Statistics",
            "Pandas",
            "Tableau",
            "R",
            "Machine Learning",
            "Looker",
            "scikit-learn",
            "Excel",
            "Power BI",
            "BigQuery",
            "Snowflake",
            "dbt",
            "Amplitude",
            "Mixpanel",
            "NumPy",
        ],
        Design => &[
            "Figma",
            "Prototyping",
            "User Research",
            "Design Systems",
            "UX Design",
            "UI Design",
            "Wireframing",
            "Accessibility",
            "Sketch",
            "Adobe XD",
            "Illustrator",
            "Photoshop",
            "After Effects",
            "HTML",
            "CSS",
        ],
        Product => &[
            "Agile",
            "SQL",
            "Jira",
            "Amplitude",
            "Figma",
            "Confluence",
            "Mixpanel",
            "Looker",
            "Excel",
        ],
        Qa => &[
            "Selenium",
            "Cypress",
            "Playwright",
            "Python",
            "Java",
            "JavaScript",
            "CI/CD",
            "Jest",
            "JUnit",
            "pytest",
            "TDD",
            "Unit Testing",
            "Agile",
            "Jira",
        ],
        Games => &[
            "C++",
            "Unity",
            "Unreal Engine",
            "C#",
            "OpenGL",
            "Vulkan",
            "Blender",
            "Lua",
        ],
        Management => &[
            "Agile",
            "System Design",
            "Distributed Systems",
            "AWS",
            "Python",
            "Java",
            "Go",
            "Kubernetes",
            "Machine Learning",
        ],
        Other => &[
            "REST",
            "Git",
            "Python",
            "JavaScript",
            "Docker",
            "SQL",
            "Linux",
            "AWS",
            "Salesforce",
            "Jira",
            "Confluence",
            "Kubernetes",
        ],
    }
}
