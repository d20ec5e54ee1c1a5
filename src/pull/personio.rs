//! Personio's XML job feed: `GET /xml?language=en` on `{company}.jobs.personio.de` answers
//! `<workzag-jobs>` with a `<position>` per published job (`id`, `subcompany`, `office`,
//! `department`, `name`, `jobDescriptions`, `employmentType`, `seniority`, `schedule`,
//! `yearsOfExperience`, `createdAt`). Documented by Personio for career pages, and keyless
//! ("no access data required" to retrieve jobs). Each `<position>` element is saved byte for
//! byte as `<id>.xml`.

use super::{Client, Item, Kind, Listing, Validators, listing_error, safe_id};

pub(super) fn fetch(
    c: &Client,
    board: &str,
    prior: &dyn Fn(&str) -> Option<Validators>,
) -> Result<Listing, String> {
    let url = c.url(&Kind::Personio.origin(board), "/xml?language=en");
    let fetched = c
        .get(&url, prior(board).as_ref())
        .map_err(|e| listing_error(e, &format!("Personio has no job page {board:?}")))?;
    Listing::from_fetched(board, fetched, |bytes| {
        let text = std::str::from_utf8(bytes).map_err(|_| "the XML feed is not UTF-8")?;
        positions(text)
    })
}

/// The `<position>` elements of a feed, each as its own text.
fn positions(text: &str) -> Result<Vec<Item>, String> {
    // roxmltree refuses DTDs by default: no entity expansion to bomb it with.
    let doc = roxmltree::Document::parse(text).map_err(|e| format!("not an XML feed: {e}"))?;
    let root = doc.root_element();
    if root.tag_name().name() != "workzag-jobs" {
        return Err(format!(
            "not a Personio feed (root <{}>)",
            crate::sanitize::clean_field(root.tag_name().name())
        ));
    }
    Ok(root
        .children()
        .filter(|n| n.has_tag_name("position"))
        .filter_map(|p| {
            let id = p
                .children()
                .find(|c| c.has_tag_name("id"))?
                .text()?
                .trim()
                .to_string();
            Some(Item {
                id: safe_id(&id),
                bytes: text[p.range()].as_bytes().to_vec(),
                ext: "xml",
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_cut_byte_for_byte() {
        let feed = "<?xml version='1.0' encoding='UTF-8'?>\n<workzag-jobs>\n<position>\n  <id>7</id>\n  <name>A &amp; B</name>\n</position>\n<position><id>../x</id></position>\n</workzag-jobs>";
        let items = positions(feed).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].id, "7");
        assert_eq!(
            std::str::from_utf8(&items[0].bytes).unwrap(),
            "<position>\n  <id>7</id>\n  <name>A &amp; B</name>\n</position>"
        );
        assert_ne!(items[1].id, "../x");
        assert!(positions("<!DOCTYPE x [<!ENTITY a \"b\">]><workzag-jobs/>").is_err());
        assert!(positions("<rss/>").is_err());
    }
}
