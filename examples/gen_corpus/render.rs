//! Writing a [`Job`] in each format.

use super::data;
use super::model::{Job, World};

/// A plain-text posting: title line, labels, description.
pub fn text(world: &World, job: &Job, out: &mut String) {
    let company = &world.companies[job.company];
    let places: Vec<String> = job
        .places
        .iter()
        .map(|&p| data::PLACES[p].display())
        .collect();
    out.push_str(&job.title);
    out.push('\n');
    out.push_str("Company: ");
    out.push_str(&company.name);
    out.push('\n');
    out.push_str("Location: ");
    out.push_str(&places.join("; "));
    out.push_str("\n\n");
    out.push_str("Skills: ");
    let skills: Vec<&str> = job
        .skills
        .iter()
        .map(|&s| world.skills[s].name.as_str())
        .collect();
    out.push_str(&skills.join(", "));
    out.push('\n');
}
