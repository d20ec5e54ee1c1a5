//! Pop-up frames: where an overlay goes, cleared and framed.

use ratatui::layout::Rect;

/// Draws an overlay's frame: centered at `pct_w` × `pct_h` of `area` on a wide screen (100
/// columns or more), the whole of it otherwise; what is beneath is cleared. Returns the inside.
pub fn overlay(
    frame: &mut ratatui::Frame,
    area: Rect,
    pct_w: u16,
    pct_h: u16,
    block: ratatui::widgets::Block,
) -> Rect {
    let popup = if area.width >= 100 {
        centered(area, pct_w, pct_h)
    } else {
        area
    };
    frame.render_widget(ratatui::widgets::Clear, popup);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    inner
}

/// A rectangle of `pct_w` × `pct_h` percent centred in `area`.
pub fn centered(area: Rect, pct_w: u16, pct_h: u16) -> Rect {
    let w = (area.width * pct_w / 100).max(20).min(area.width);
    let h = (area.height * pct_h / 100).max(5).min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
