//! Where each pane goes. Pure geometry, outside the drawing code: the same function serves
//! drawing (`ui`), paging and mouse hits (`app`).

use ratatui::layout::Rect;

/// Terminals at least this wide put the list and the detail side by side; narrower ones
/// stack them.
pub const WIDE: u16 = 100;
/// Width of the filter pane.
pub const FILTERS_WIDTH: u16 = 30;

/// The screen's regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub search: Rect,
    pub list: Rect,
    pub detail: Rect,
    pub filters: Option<Rect>,
    pub status: Rect,
    /// Everything between the search bar and the status line (overlays draw here).
    pub body: Rect,
}

/// Postings (two rows each) the list keeps on a narrow screen, where the detail goes below it,
/// while the list has the focus: at 80x24 that leaves the detail 4 rows. Focusing the detail
/// (Tab, a click) gives it the room instead.
pub const MIN_LIST_POSTINGS: u16 = 8;

/// Lays out a screen of `size` (columns, rows). On a narrow screen the list sits over the
/// detail: the focused one of them gets the room (`detail_focused`).
pub fn panes(size: (u16, u16), filters_open: bool, detail_focused: bool, postings: usize) -> Panes {
    let (w, h) = (size.0.max(1), size.1.max(3));
    let search = Rect::new(0, 0, w, 1);
    let status = Rect::new(0, h - 1, w, 1);
    let body = Rect::new(0, 1, w, h - 2);
    let filters_w = match (filters_open, w >= WIDE) {
        (false, _) => 0,
        (true, true) => FILTERS_WIDTH.min(w / 3),
        (true, false) => 26.min(w / 3),
    };
    let filters = filters_open.then(|| Rect::new(0, body.y, filters_w, body.height));
    let (list, detail) = if w >= WIDE {
        // filters | list | detail
        let rest = w - filters_w;
        let list_w = (rest * 45 / 100).max(30).min(rest);
        let list = Rect::new(filters_w, body.y, list_w, body.height);
        let detail = Rect::new(filters_w + list_w, body.y, rest - list_w, body.height);
        (list, detail)
    } else {
        // filters | (list over detail)
        let share = (body.height * 45 / 100).max(6);
        let top_h = if detail_focused {
            share
        } else {
            share.max((2 + 2 * MIN_LIST_POSTINGS).min(body.height.saturating_sub(4)))
        }
        // A short list gives the rest to the detail (two postings need six rows, not twenty).
        .min(2 + 2 * (postings.max(1).min(usize::from(u16::MAX / 4)) as u16))
        .max(4)
        .min(body.height);
        let list = Rect::new(filters_w, body.y, w - filters_w, top_h);
        let detail = Rect::new(
            filters_w,
            body.y + top_h,
            w - filters_w,
            body.height - top_h,
        );
        (list, detail)
    };
    Panes {
        search,
        list,
        detail,
        filters,
        status,
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen() {
        for size in [(80, 24), (120, 35), (200, 60), (20, 5)] {
            for open in [false, true] {
                let p = panes(size, open, false, 100);
                let area = |r: Rect| r.width as u32 * r.height as u32;
                let total = area(p.search)
                    + area(p.status)
                    + area(p.list)
                    + area(p.detail)
                    + p.filters.map_or(0, area);
                assert_eq!(total, size.0 as u32 * size.1 as u32, "{size:?} {open}");
            }
        }
        assert_eq!(
            panes((120, 35), false, false, 100).list.y,
            panes((120, 35), false, false, 100).detail.y,
            "side by side"
        );
        assert!(
            panes((80, 24), false, false, 100).detail.y > panes((80, 24), false, false, 100).list.y,
            "stacked"
        );
        // At 80x24 the list keeps 8 postings; a focused detail takes the room.
        for open in [false, true] {
            let p = panes((80, 24), open, false, 100);
            assert!((p.list.height - 2) / 2 >= MIN_LIST_POSTINGS, "{p:?}");
            assert!(p.detail.height >= 4);
            let d = panes((80, 24), open, true, 100);
            assert!(d.detail.height > p.detail.height * 2, "{d:?}");
        }
        // Two postings need six rows; the detail gets the rest.
        let few = panes((80, 24), false, false, 2);
        assert_eq!(few.list.height, 6);
        assert_eq!(few.detail.height, 22 - 6);
    }
}
