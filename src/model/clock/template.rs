//! The built-in template of a vocational school's wellbeing year, in Finnish, Swedish and
//! English, and how a group's clock is started from it in one language.
//!
//! The template's contents live in `clocks/template.json` (the store embeds and reads it);
//! each item credits its source, and the template lists them all.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Actor, ClockItem, Recurrence, When, YearClock};
use crate::lang::Lang;
use crate::model::format::Localized;
use crate::model::group::Group;

/// The name `based_on` gives a clock started from the template.
pub const TEMPLATE: &str = "template";

/// A year clock in three languages, for groups to start from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub schema: u32,
    pub name: String,
    pub title: Localized,
    #[serde(default)]
    pub sources: Vec<String>,
    pub items: Vec<TemplateItem>,
}

/// An item of the template; its `id` becomes the `origin` of the clocks' items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateItem {
    pub id: String,
    pub when: When,
    pub recurrence: Recurrence,
    pub title: Localized,
    #[serde(default)]
    pub description: Localized,
    #[serde(default)]
    pub responsible: Vec<Actor>,
    #[serde(default)]
    pub co_actors: Vec<Actor>,
    #[serde(default)]
    pub students_part: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Template {
    /// A clock for `group` with the template's items, its texts in `lang`.
    pub fn clock_for(&self, group: &Group, lang: Lang) -> YearClock {
        let mut clock = YearClock::new(group, lang);
        clock.based_on = Some(TEMPLATE.to_string());
        clock.sources = self.sources.clone();
        for item in &self.items {
            let id = clock.next_id();
            clock.items.push(ClockItem {
                id,
                origin: Some(item.id.clone()),
                when: item.when,
                recurrence: item.recurrence,
                title: item.title.get(lang).to_string(),
                description: item.description.get(lang).to_string(),
                responsible: item.responsible.clone(),
                co_actors: item.co_actors.clone(),
                students_part: item.students_part.get(lang).to_string(),
                status: Default::default(),
                source: item.source.clone(),
            });
        }
        clock.sort();
        clock
    }
}
