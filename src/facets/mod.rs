//! Facets: filter predicates over the postings and counts of each facet value over the current
//! result set, plus the sort orders. No UI here.
//!
//! [`FacetIndex`] keeps, per posting, the facet keys (companies, locations and skills interned
//! to small ids), so that counting and filtering 100,000 results is array work, not hashing.
//! Values combine OR within a facet and AND across facets. A facet's counts are taken over the
//! results that pass every *other* facet's filter, so the alternatives within a facet stay
//! visible while one of its values is selected.
//!
//! - [`model`]: the facets, their values and the user's selection ([`Filters`]);
//! - [`index`]: [`FacetIndex`], the per-posting keys, kept as postings load or go away;
//! - [`sort`]: the list orders ([`SortKey`]) and the ranks behind them;
//! - [`view`]: filtering the search hits into the rows to list ([`View`]);
//! - [`counts`]: the counts of each facet value over a view.

mod counts;
mod index;
mod model;
mod sort;
mod view;

pub use index::{FacetIndex, Marks};
pub use model::{FacetKind, FacetValue, Filters, MAX_LISTED, SALARY_FLOORS};
pub use sort::SortKey;
pub use view::{FacetGroup, View, ViewContext};

#[cfg(test)]
mod tests;
