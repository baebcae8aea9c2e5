//! Unit tests of the records screen's table layout.

use super::table::window;

#[test]
fn rows_keep_the_selected_one_in_view() {
    let heights = [3, 3, 3, 3, 3];
    assert_eq!(window(&heights, 1, 0, 40), (0, 5));
    // 10 rows: one for "more below", so two rows of three with a gap.
    assert_eq!(window(&heights, 1, 0, 10), (0, 2));
    assert_eq!(window(&heights, 1, 4, 10), (3, 5));
    // A row taller than the room is still shown.
    assert_eq!(window(&[30, 3], 0, 0, 10), (0, 1));
}
