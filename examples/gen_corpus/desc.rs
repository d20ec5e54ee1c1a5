//! Descriptions: 2–5 KB of sections ("About the role", "What you'll do", "What we're looking
//! for", "Benefits", "About <Company>", EEO) built from sentence templates whose `{slots}` take
//! the posting's skills, products, team, domain and places, so no two texts read the same.

use super::data::{Family, Kind};
use super::model::{Employment, Job, Mode, Section, World, article};
use super::rng::Rng;

const LOOKING_FOR: &[&str] = &[
    "We're looking for {a} {title} to join our {team} team and help us scale {product} to the next {n} customers.",
    "We are looking for {a} {title} to help build the next generation of {product}.",
    "{company} is hiring {a} {title} to own critical parts of our {domain} platform.",
    "We're seeking {a} {title} who is excited about {domain} and wants to work on {product}.",
    "Our {team} team is looking for {a} {title} to design, build and operate the systems behind {product}.",
    "We are hiring {a} {title} for our {team} team, working on {product} and the tools around it.",
    "We're looking for an experienced {title} to take {product} from a promising product to the default choice for {customers}.",
    "We are searching for {a} {title} to join a small, senior team that ships every day.",
];

const INTRO_MORE: &[&str] = &[
    "You'll work closely with product, design and engineering to ship features that matter to {customers}.",
    "This role sits at the heart of {product}, our {domain} platform, and has a direct impact on how {customers} work every day.",
    "You'll join a small team that values ownership, clear writing and thoughtful code review.",
    "The {team} team owns {product} end to end, from the first design doc to the on-call rotation.",
    "In your first months you'll get to know {product} and its users, ship a meaningful improvement, and help shape the roadmap for the rest of the year.",
    "We care about craft and pragmatism in equal measure: we ship small, measure everything and iterate quickly.",
    "Day to day you'll work with {skill}, {skill} and {skill}.",
    "This is a great opportunity for someone who wants real ownership and the chance to grow with a fast-moving {domain} company.",
    "We move fast, but we care deeply about reliability: {product} handles {rate} requests every minute at peak.",
    "Over the next year the team will {goal}.",
    "You will have a lot of autonomy and the support of experienced colleagues who have done this before.",
    "Most of our work happens in writing, so you'll have time for deep focus and fewer meetings than you are used to.",
    "As {a} {title} on the {team} team, you'll report to the head of the team and work with peers across several time zones.",
    "The problems are hard and interesting: messy real-world data, strict latency budgets and customers who depend on us.",
    "We are a profitable team with a long runway, so we can invest in doing things properly.",
];

const GOALS: &[&str] = &[
    "rebuild our ingestion pipeline",
    "launch {product} in three new markets",
    "cut our infrastructure costs by {pct}",
    "move from a monolith to a handful of well-defined services",
    "ship our first public API",
    "bring {product} to mobile",
    "double the number of customers on {product}",
    "make onboarding self-serve for {customers}",
];

const DO_ENG: &[&str] = &[
    "Design, build and operate the services that power {product}.",
    "Own features end to end, from technical design to rollout and monitoring in production.",
    "Write clean, well-tested code in {skill} and review the code of your peers.",
    "Improve the reliability, performance and observability of our systems.",
    "Collaborate with product managers and designers to turn ambiguous problems into shipped features.",
    "Take part in an on-call rotation (roughly one week in eight) and help us learn from incidents.",
    "Mentor other engineers and raise the bar for engineering practices across the team.",
    "Break down large projects into small, incremental milestones and deliver them predictably.",
    "Build internal tooling that makes the whole engineering team faster.",
    "Drive technical decisions about our architecture, including how we use {skill} and {skill}.",
    "Reduce {metric} across our {domain} workflows by profiling, measuring and fixing hot spots.",
    "Work with customers and support to debug hard problems in production.",
    "Write design docs and take part in architecture reviews.",
    "Help migrate legacy components to {skill}.",
    "Scale our data model and APIs to handle ten times our current traffic.",
    "Keep our dependencies, build and deployment pipeline healthy and fast.",
    "Pair with teammates on tricky problems and share what you learn.",
];

/// Duties only some engineering families have.
const DO_FAMILY: &[(Family, &str)] = &[
    (
        Family::Frontend,
        "Build accessible, responsive interfaces with {skill} and {skill}.",
    ),
    (
        Family::Frontend,
        "Own our component library together with design.",
    ),
    (
        Family::Frontend,
        "Improve Core Web Vitals and the perceived speed of every page.",
    ),
    (
        Family::FullStack,
        "Build features across the stack, from the database schema to the UI.",
    ),
    (
        Family::FullStack,
        "Build accessible, responsive interfaces with {skill} and {skill}.",
    ),
    (
        Family::Infra,
        "Manage our infrastructure as code with {skill} and keep our environments reproducible.",
    ),
    (
        Family::Infra,
        "Define SLOs, alerts and dashboards for the services we run.",
    ),
    (
        Family::Infra,
        "Run and evolve our {skill} clusters across several regions.",
    ),
    (
        Family::Infra,
        "Build CI/CD pipelines that let every team deploy dozens of times a day.",
    ),
    (
        Family::Qa,
        "Automate our test suites with {skill} and keep the build green.",
    ),
    (
        Family::Qa,
        "Define test strategies for new features together with developers.",
    ),
    (
        Family::Qa,
        "Track down flaky tests and make releases boring.",
    ),
    (
        Family::Mobile,
        "Ship improvements to our iOS and Android apps used by {users}.",
    ),
    (Family::Mobile, "Keep our apps fast, small and crash-free."),
    (
        Family::Security,
        "Run threat modelling sessions with product teams.",
    ),
    (
        Family::Security,
        "Respond to security incidents and lead the follow-up.",
    ),
    (
        Family::Security,
        "Build tooling that finds vulnerabilities in our code and dependencies.",
    ),
    (
        Family::Embedded,
        "Write firmware for our next-generation hardware in {skill}.",
    ),
    (
        Family::Embedded,
        "Bring up new boards and debug with oscilloscopes and logic analyzers.",
    ),
    (
        Family::Embedded,
        "Work with hardware engineers on drivers, power management and bootloaders.",
    ),
    (
        Family::Games,
        "Implement gameplay systems in {skill} together with designers.",
    ),
    (
        Family::Games,
        "Profile and optimise rendering on consoles, PC and mobile.",
    ),
    (Family::Backend, "Design APIs that other teams love to use."),
    (
        Family::Backend,
        "Evolve our database schema and queries as the product grows.",
    ),
];

const HOW_WE_WORK: &[&str] = &[
    "We work in small, autonomous teams of four to seven people, each owning a clear part of {product}.",
    "We plan in six-week cycles followed by two weeks for cleanup, exploration and rest.",
    "Decisions are made in writing: RFCs are short, open to everyone and decided within a week.",
    "We deploy to production many times a day behind feature flags.",
    "Everyone takes part in support rotations, so we all stay close to {customers}.",
    "We keep meetings to a minimum and protect focus time on Tuesdays and Thursdays.",
    "New joiners ship to production in their first week, with a buddy to help them along.",
    "We hold blameless post-mortems and share them with the whole company.",
];

const INTERVIEW: &[&[&str]] = &[
    &[
        "A 30-minute call with our recruiting team",
        "A conversation with the hiring manager",
        "A take-home exercise (about three hours, paid)",
        "A final round with future teammates",
    ],
    &[
        "Intro call (30 minutes)",
        "Technical interview (60 minutes)",
        "System design or portfolio review (60 minutes)",
        "Values interview with a founder",
    ],
    &[
        "Recruiter screen",
        "Pair-programming session on a real problem",
        "Onsite loop: three interviews and lunch with the team",
    ],
];

const DO_DATA: &[&str] = &[
    "Build and maintain data pipelines in {skill} and {skill}.",
    "Design experiments, analyse A/B tests and explain the results to decision makers.",
    "Train, evaluate and deploy models into production, and monitor them once they are live.",
    "Partner with product and finance to define the metrics that matter.",
    "Build dashboards in {skill} that people actually use.",
    "Own the data model of our warehouse and keep it documented.",
    "Research and prototype new approaches to ranking, forecasting and anomaly detection.",
    "Turn messy event data into clean, trustworthy datasets.",
    "Work with engineers to instrument {product} and improve data quality at the source.",
    "Improve the speed and cost of our {skill} jobs.",
    "Present findings to leadership and influence the roadmap with evidence.",
    "Evaluate large language models for {domain} use cases and measure their quality.",
];

const DO_DESIGN: &[&str] = &[
    "Lead design from discovery to delivery for {product}.",
    "Create wireframes, prototypes and high-fidelity designs in {skill}.",
    "Plan and run user research and usability testing with {customers}.",
    "Contribute to and evolve our design system.",
    "Work closely with engineers to ship polished, accessible experiences.",
    "Turn complex {domain} workflows into simple, intuitive interfaces.",
    "Present your work and give thoughtful critique to other designers.",
    "Define interaction patterns and motion guidelines for the product.",
    "Measure the impact of your designs together with product and data.",
];

const DO_PRODUCT: &[&str] = &[
    "Own the roadmap for {product} and the outcomes it is meant to deliver.",
    "Talk to customers every week and bring their problems back to the team.",
    "Define success metrics and track them after every launch.",
    "Write clear, concise specs that engineers and designers enjoy reading.",
    "Work with engineering and design to prioritise ruthlessly.",
    "Coordinate launches with marketing, sales and support.",
    "Help customers get the most out of {product} through demos, docs and workshops.",
    "Write and maintain documentation, guides and tutorials.",
    "Analyse usage data in {skill} to find where users struggle.",
];

const DO_LEAD: &[&str] = &[
    "Lead a team of six to ten engineers and help each of them grow.",
    "Hire great people and build an inclusive, high-performing team.",
    "Run planning, one-on-ones and performance reviews.",
    "Set the technical direction of the team together with staff engineers.",
];

const NEED: &[&str] = &[
    "Strong experience with {skill} and {skill}.",
    "Solid understanding of {skill} in production environments.",
    "Hands-on experience with {skill}.",
    "Excellent written and verbal communication in English.",
    "Comfort with ambiguity and a bias toward action.",
    "A track record of shipping high-quality work on time.",
    "Familiarity with {skill} or a willingness to learn it quickly.",
    "You care about testing, review and documentation.",
    "A degree in Computer Science or a related field, or equivalent practical experience.",
    "Experience working in a fast-paced startup environment.",
    "Ability to mentor and support teammates.",
    "Experience with {skill}, {skill} or similar tools.",
    "You can explain complex ideas simply, in writing and in person.",
    "Curiosity about {domain} and the people who work in it.",
];

const NEED_KIND: &[(Kind, &str)] = &[
    (
        Kind::Eng,
        "Experience building and operating distributed systems at scale.",
    ),
    (
        Kind::Eng,
        "Deep knowledge of at least one of {skill}, {skill} or {skill}.",
    ),
    (
        Kind::Eng,
        "A pragmatic approach to architecture and technical debt.",
    ),
    (
        Kind::Data,
        "A strong foundation in statistics and experimental design.",
    ),
    (
        Kind::Data,
        "Fluency in {skill} and SQL for analysis and modelling.",
    ),
    (
        Kind::Data,
        "Experience taking models from notebooks to production.",
    ),
    (
        Kind::Design,
        "A portfolio that shows your process as well as the final result.",
    ),
    (Kind::Design, "Strong visual and interaction design skills."),
    (
        Kind::Design,
        "Experience designing for both web and mobile.",
    ),
    (
        Kind::Product,
        "Experience working closely with engineering teams on technical products.",
    ),
    (Kind::Product, "A data-informed approach to prioritisation."),
    (
        Kind::Product,
        "Experience talking to customers and turning feedback into decisions.",
    ),
];

const NICE: &[&str] = &[
    "Experience with {skill}.",
    "Prior experience in {domain}.",
    "Contributions to open-source projects.",
    "Experience with {skill} or {skill}.",
    "You have worked at an early-stage startup before.",
    "A second language such as German, Spanish or Hindi.",
    "Experience in a regulated industry.",
    "Familiarity with {skill}.",
    "You have given talks or written about your work.",
    "Experience working in a remote, distributed team.",
];

const BENEFITS: &[&str] = &[
    "Competitive salary and meaningful equity",
    "Comprehensive medical, dental and vision insurance",
    "401(k) with a 4% company match",
    "Unlimited PTO with a 20-day minimum",
    "25 days of paid vacation plus public holidays",
    "Flexible working hours",
    "Home office setup budget",
    "Annual learning and development budget",
    "Generous parental leave (16 weeks fully paid)",
    "Monthly wellness stipend",
    "Mental health support and therapy sessions",
    "Company retreats twice a year",
    "Free lunch in the office",
    "Public transport ticket",
    "Gym membership",
    "Latest laptop and equipment of your choice",
    "Visa sponsorship and relocation support",
    "Stock options",
    "Annual performance bonus",
    "Pension plan with employer contributions",
    "Life and disability insurance",
    "Commuter benefits",
    "Coworking space allowance",
    "Sabbatical after five years",
    "Team offsites",
    "Childcare support",
    "Health insurance for you and your family",
    "Paid volunteering days",
    "Conference budget",
    "Employee stock purchase plan",
];

const ABOUT: &[&str] = &[
    "{company} is a {domain} company founded in {founded} and headquartered in {hq}.",
    "Today, more than {users} rely on {product} every day.",
    "We're a team of {employees} people across several offices and many more remote locations.",
    "We are backed by leading investors and have been growing steadily since {founded}.",
    "Our mission is to make {domain} simple, fair and accessible for everyone.",
    "{company} was founded in {founded} by engineers who were frustrated with how hard {domain} was.",
    "We believe great products come from diverse teams who trust each other.",
    "{company} offers {product} and {product2} to customers in more than {countries} countries.",
    "Learn more about us at https://{slug}.example.",
    "We publish our engineering principles and salary bands openly.",
];

const AT_COMPANY: &[&str] = &[
    "At {company}, we build {product}, the platform that helps {customers} get more done.",
    "At {company}, we believe {domain} should be faster, safer and more transparent.",
    "At {company}, our products help {customers} save time and money every day.",
];

const EEO: &[&str] = &[
    "{company} is an Equal Opportunity Employer. We do not discriminate on the basis of race, religion, color, national origin, gender, sexual orientation, age, marital status, veteran status, or disability status.",
    "{company} is proud to be an equal opportunity employer. All qualified applicants will receive consideration for employment without regard to race, color, religion, sex, sexual orientation, gender identity, national origin, disability, or protected veteran status.",
    "We are committed to building a diverse and inclusive team. {company} is an Equal Opportunity Employer and welcomes applications from everyone.",
];

const EEO_MORE: &[&str] = &[
    "If you need an accommodation during the application process, please let us know.",
    "Recruitment agencies may not submit CVs through this website or directly to our managers.",
    "We encourage you to apply even if you don't meet every requirement.",
];

const PAY: &[&str] = &[
    "The base salary range for this role is {salary}.",
    "The expected salary for this position is {salary}, depending on experience and location.",
    "Pay range: {salary}.",
    "We offer {salary} plus benefits; the final offer depends on your skills and experience.",
];

const USERS: &[&str] = &[
    "800",
    "1,500",
    "9,000",
    "12,000",
    "40,000",
    "250,000",
    "2 million",
];

const METRICS: &[&str] = &[
    "latency",
    "cost",
    "error rates",
    "build times",
    "page load times",
    "manual work",
];

/// What a template's slots are filled with.
struct Ctx<'a> {
    world: &'a World,
    job: &'a Job,
    next_skill: usize,
}

impl Ctx<'_> {
    fn fill(&mut self, rng: &mut Rng, template: &str, out: &mut String) {
        let company = &self.world.companies[self.job.company];
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("closed slot");
            let slot = &rest[open + 1..close];
            rest = &rest[close + 1..];
            match slot {
                "company" => out.push_str(&company.name),
                "slug" => out.push_str(&company.slug),
                "title" => out.push_str(&self.job.title),
                "a" => out.push_str(self.job.article()),
                "team" => out.push_str(self.job.team),
                "domain" => out.push_str(company.domain),
                "product" => out.push_str(&company.products[0]),
                "product2" => out.push_str(company.products.last().expect("a product")),
                "customers" => out.push_str(customers(company.domain)),
                "founded" => out.push_str(&company.founded.to_string()),
                "employees" => out.push_str(&thousands(company.employees)),
                "hq" => {
                    let p = &super::data::PLACES[company.hq];
                    out.push_str(if p.remote {
                        "a fully remote setup"
                    } else {
                        p.city
                    });
                }
                "users" => {
                    out.push_str(rng.pick(USERS));
                    out.push(' ');
                    out.push_str(customers(company.domain));
                }
                "rate" => out.push_str(rng.pick(&["5,000", "50,000", "200,000", "2 million"])),
                "countries" => out.push_str(rng.pick(&["20", "35", "60", "120"])),
                "metric" => out.push_str(rng.pick(METRICS)),
                "n" => out.push_str(rng.pick(&["40", "120", "1,000", "10,000", "25,000"])),
                "pct" => out.push_str(rng.pick(&["20%", "30%", "40%", "half"])),
                "goal" => {
                    let goal = rng.pick(GOALS);
                    self.fill(rng, goal, out);
                }
                "salary" => out.push_str(self.job.salary_phrase.as_deref().unwrap_or("")),
                "skill" => {
                    let skills = &self.job.skills;
                    let s = &self.world.skills[skills[self.next_skill % skills.len()]];
                    self.next_skill += 1;
                    if !s.aliases.is_empty() && rng.chance(0.15) {
                        out.push_str(
                            rng.pick(&s.aliases.iter().map(String::as_str).collect::<Vec<_>>()),
                        );
                    } else {
                        out.push_str(&s.name);
                    }
                }
                other => panic!("unknown slot {{{other}}} in {template:?}"),
            }
        }
        out.push_str(rest);
    }

    fn sentence(&mut self, rng: &mut Rng, template: &str) -> String {
        let mut s = String::with_capacity(template.len() + 40);
        self.fill(rng, template, &mut s);
        s
    }
}

fn thousands(n: u32) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

fn customers(domain: &str) -> &'static str {
    match domain {
        "payments" | "fintech" | "e-commerce" | "retail" => "merchants",
        "healthcare" | "biotech" => "clinicians",
        "logistics" | "supply chain" => "shippers and carriers",
        "education" => "teachers and students",
        "developer tools" | "observability" | "cloud infrastructure" | "data infrastructure" => {
            "engineering teams"
        }
        "insurance" => "insurers and their customers",
        "real estate" => "landlords and tenants",
        "gaming" => "players",
        "mobility" => "riders and drivers",
        _ => "businesses",
    }
}

/// Draws templates from a pool without repeating one within a posting.
struct Pool<'a> {
    items: Vec<&'a str>,
}

impl<'a> Pool<'a> {
    fn new(rng: &mut Rng, items: impl IntoIterator<Item = &'a str>) -> Pool<'a> {
        let mut items: Vec<&str> = items.into_iter().collect();
        rng.shuffle(&mut items);
        Pool { items }
    }

    fn next(&mut self) -> Option<&'a str> {
        self.items.pop()
    }
}

/// Builds the description of `job`. `untitled`: a careers-page paste with no title line, so the
/// text opens with the company and names the title and place in sentences.
pub fn describe(world: &World, job: &Job, rng: &mut Rng, untitled: bool) -> Vec<Section> {
    let mut cx = Ctx {
        world,
        job,
        next_skill: rng.below(job.skills.len()),
    };
    let company = &world.companies[job.company];
    let kind = job.family.kind();
    let target = 2150 + rng.below(2650);

    // The sections, in order; each starts with its essentials, then grows (see below).
    const INTRO: usize = 0;
    const DOING: usize = 1;
    const NEEDS: usize = 2;
    const STACK: usize = 4;
    const PROCESS: usize = 6;
    const PERKS: usize = 7;
    const ABOUT_CO: usize = 8;
    const EQUAL: usize = 9;
    let headings: [&[&str]; 10] = [
        &[
            "About the role",
            "The Role",
            "About the job",
            "Role overview",
            "The opportunity",
        ],
        &[
            "What you'll do",
            "Responsibilities",
            "What You'll Do",
            "Your responsibilities",
            "In this role you will",
        ],
        &[
            "What we're looking for",
            "Requirements",
            "Qualifications",
            "About you",
            "What you bring",
        ],
        &["Nice to have", "Bonus points", "Preferred qualifications"],
        &["Tech stack", "Our stack", "Tools we use"],
        &["How we work", "Life on the team", "Our culture"],
        &["Interview process", "Our hiring process", "What to expect"],
        &[
            "Benefits",
            "What we offer",
            "Perks & Benefits",
            "Why you'll love working here",
        ],
        &["About us"],
        &["", "", "Equal opportunity", "Diversity & inclusion"],
    ];
    let mut secs: Vec<Section> = headings
        .iter()
        .map(|h| Section {
            heading: rng.pick(h).to_string(),
            ..Default::default()
        })
        .collect();
    secs[ABOUT_CO].heading = if rng.chance(0.8) {
        format!("About {}", company.name)
    } else {
        "Who we are".into()
    };

    let duties: Vec<&str> = match kind {
        Kind::Eng => DO_ENG.to_vec(),
        Kind::Data => DO_DATA.to_vec(),
        Kind::Design => DO_DESIGN.to_vec(),
        Kind::Product => DO_PRODUCT.to_vec(),
    };
    let family_duties = DO_FAMILY
        .iter()
        .filter(|(f, _)| *f == job.family)
        .map(|(_, t)| *t);
    let needs = NEED.iter().copied().chain(
        NEED_KIND
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, t)| *t),
    );
    let optional = |rng: &mut Rng,
                    p: f64,
                    pool: &'static [&'static str]|
     -> &'static [&'static str] { if rng.chance(p) { pool } else { &[] } };
    let nice = optional(rng, 0.55, NICE);
    let how = optional(rng, 0.35, HOW_WE_WORK);
    let perks = optional(rng, 0.85, BENEFITS);
    // What each section may grow by, and up to how many lines: (section, pool, bullets, cap).
    let mut pools: Vec<(usize, Pool, bool, usize)> = vec![
        (INTRO, Pool::new(rng, INTRO_MORE.iter().copied()), false, 6),
        (
            DOING,
            Pool::new(rng, duties.into_iter().chain(family_duties)),
            true,
            10,
        ),
        (NEEDS, Pool::new(rng, needs), true, 10),
        (3, Pool::new(rng, nice.iter().copied()), true, 5),
        (5, Pool::new(rng, how.iter().copied()), false, 4),
        (PERKS, Pool::new(rng, perks.iter().copied()), true, 12),
        (ABOUT_CO, Pool::new(rng, ABOUT.iter().copied()), false, 6),
    ];
    let mut grow =
        |secs: &mut [Section], cx: &mut Ctx, rng: &mut Rng, which: usize| -> Option<usize> {
            let (sec, pool, bullets, cap) = &mut pools[which];
            let list = if *bullets {
                &mut secs[*sec].bullets
            } else {
                &mut secs[*sec].paragraphs
            };
            if list.len() >= *cap {
                return None;
            }
            let line = cx.sentence(rng, pool.next()?);
            let n = line.len() + 3;
            list.push(line);
            Some(n)
        };

    // Essentials: who is wanted, where and how; a few duties and requirements; the company.
    let t = rng.pick(LOOKING_FOR);
    let looking = cx.sentence(rng, t);
    secs[INTRO].paragraphs.push(looking);
    grow(&mut secs, &mut cx, rng, 0);
    secs[INTRO].paragraphs.push(where_and_how(job, rng));
    if job.family == Family::Management {
        for t in DO_LEAD.iter().take(2 + rng.below(3)) {
            let s = cx.sentence(rng, t);
            secs[DOING].bullets.push(s);
        }
    }
    secs[NEEDS].bullets.push(years_line(job, kind, rng));
    for which in [1, 1, 1, 2, 2, 2, 3, 5, 5, 5, 6] {
        grow(&mut secs, &mut cx, rng, which);
    }
    if rng.chance(0.3) {
        secs[STACK].bullets = job
            .skills
            .iter()
            .map(|&i| world.skills[i].name.clone())
            .collect();
    }
    if rng.chance(0.2) {
        secs[PROCESS].bullets = rng.pick(INTERVIEW).iter().map(|s| s.to_string()).collect();
    }
    if job.salary_phrase.is_some() && job.salary.is_some() {
        let t = rng.pick(PAY);
        let pay = cx.sentence(rng, t);
        secs[PERKS].paragraphs.push(pay);
    }
    let t = rng.pick(AT_COMPANY);
    let at = cx.sentence(rng, t);
    secs[ABOUT_CO].paragraphs.insert(0, at);
    if untitled || rng.chance(0.85) {
        let t = rng.pick(EEO);
        let s = cx.sentence(rng, t);
        secs[EQUAL].paragraphs.push(s);
        if rng.chance(0.4) {
            secs[EQUAL].paragraphs.push(rng.pick(EEO_MORE).to_string());
        }
    }

    // Grow toward the target size a sentence or a bullet at a time, favouring duties and
    // requirements.
    let mut len: usize = secs
        .iter()
        .map(|s| {
            s.heading.len()
                + s.paragraphs.iter().map(|p| p.len() + 1).sum::<usize>()
                + s.bullets.iter().map(|b| b.len() + 3).sum::<usize>()
        })
        .sum();
    let weights = [2, 4, 3, 1, 1, 2, 2];
    let mut stuck = 0;
    while len < target && stuck < 30 {
        let which = rng.weighted(&weights);
        match grow(&mut secs, &mut cx, rng, which) {
            Some(n) => {
                len += n;
                stuck = 0;
            }
            None => stuck += 1,
        }
    }

    if secs[PERKS].bullets.is_empty() {
        secs[PERKS].heading = "Compensation".into();
    }
    if untitled {
        // A paste from a careers page opens with the company, not a heading: the first two
        // sentences about it move to the top.
        let about = &mut secs[ABOUT_CO];
        let take = about.paragraphs.len().min(2);
        let opening: Vec<String> = about.paragraphs.drain(..take).collect();
        about.heading = format!("About {}", company.name);
        about.paragraphs.push(format!(
            "Join {} and help shape the future of {}.",
            company.name, company.domain
        ));
        secs.insert(
            0,
            Section {
                heading: String::new(),
                paragraphs: opening,
                bullets: Vec::new(),
            },
        );
    }
    secs.retain(|s| !s.paragraphs.is_empty() || !s.bullets.is_empty());
    secs
}

/// The sentence that says where the job is, how it is worked and on what terms.
fn where_and_how(job: &Job, rng: &mut Rng) -> String {
    let place = job.place();
    let loc = job.location_line(" or ");
    let mut s = match job.mode {
        Mode::Remote if place.remote && place.country.is_empty() => {
            "This is a fully remote position: you can work from anywhere.".to_string()
        }
        Mode::Remote if place.remote => match rng.below(3) {
            0 => format!(
                "This is a fully remote position open to candidates in {}.",
                place.country
            ),
            1 => format!(
                "We're remote-first: this role is open to people based in {}.",
                place.country
            ),
            _ => format!(
                "Remote within {}; we meet in person twice a year.",
                place.country
            ),
        },
        Mode::Remote => format!(
            "This role is based in {loc}, but you can work remotely from anywhere in the same time zone."
        ),
        Mode::Hybrid => match rng.below(3) {
            0 => format!(
                "This is a hybrid role based in {loc}: we're in the office {} days a week.",
                rng.range(2, 3)
            ),
            1 => format!(
                "Hybrid: Tuesdays to Thursdays in our {} office.",
                place.city
            ),
            _ => format!("This role is based in {loc}, with a flexible hybrid schedule."),
        },
        Mode::Onsite => match rng.below(2) {
            0 => format!(
                "This role is on-site in our {} office, five days a week.",
                place.city
            ),
            _ => format!("This role is based in {loc} and works from our office there."),
        },
    };
    s.push(' ');
    s.push_str(match job.employment {
        Employment::FullTime => "It is a full-time, permanent position.",
        Employment::Contract => "This is a 6-month contract with the possibility of extension.",
        Employment::PartTime => "This is a part-time role (20–30 hours per week).",
        Employment::Internship => "This is a paid 12-week internship.",
        Employment::Temporary => "This is a temporary, fixed-term position.",
    });
    s
}

fn years_line(job: &Job, kind: Kind, rng: &mut Rng) -> String {
    let (area, who) = match kind {
        Kind::Eng => ("software engineering", "software engineer"),
        Kind::Data => (
            "data science or analytics",
            "data scientist, analyst or ML engineer",
        ),
        Kind::Design => ("product design", "product or UX designer"),
        Kind::Product => ("product management or a related role", "product manager"),
    };
    match (job.years, rng.below(3)) {
        (0, _) => format!(
            "Currently studying towards a degree, or recently graduated, with an interest in {area}."
        ),
        (y, 0) => format!("{y}+ years of professional experience in {area}."),
        (y, 1) => format!("At least {y} years of experience in {area}."),
        (y, _) => format!("{y}+ years of experience as {} {who}.", article(who)),
    }
}

/// The 1–4 paragraphs of a Hacker News "Who is hiring" comment.
pub fn hn_paragraphs(world: &World, job: &Job, rng: &mut Rng) -> Vec<String> {
    let mut cx = Ctx {
        world,
        job,
        next_skill: 0,
    };
    let company = &world.companies[job.company];
    let mut paras = Vec::new();
    let t = rng.pick(AT_COMPANY);
    let mut p = cx.sentence(rng, t);
    let t = rng.pick(ABOUT);
    p.push(' ');
    cx.fill(rng, t, &mut p);
    paras.push(p);
    let t = rng.pick(LOOKING_FOR);
    let mut p = cx.sentence(rng, t);
    let t = rng.pick(INTRO_MORE);
    p.push(' ');
    cx.fill(rng, t, &mut p);
    paras.push(p);
    let skills: Vec<&str> = job
        .skills
        .iter()
        .map(|&s| world.skills[s].name.as_str())
        .collect();
    paras.push(match rng.below(3) {
        0 => format!("Tech stack: {}.", skills.join(", ")),
        1 => format!(
            "We use {} and {}.",
            skills[..skills.len() - 1].join(", "),
            skills[skills.len() - 1]
        ),
        _ => format!(
            "Our stack is {}. {}",
            skills.join(" / "),
            where_and_how(job, rng)
        ),
    });
    paras.push(match rng.below(3) {
        0 => format!(
            "Apply at {} or email jobs@{}.example and mention HN.",
            job.url, company.slug
        ),
        1 => format!(
            "Email me directly: hiring@{}.example (I'm the hiring manager).",
            company.slug
        ),
        _ => format!("More details and the application form: {}", job.url),
    });
    let keep = 1 + rng.below(4);
    // Keep the pitch, then the rest in order.
    paras.truncate(keep.max(1));
    paras
}
