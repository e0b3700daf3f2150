// render_text for why-not and what-if: the explanations for people, in Chinese or English.

#include <sstream>

#include "forbear/explain.hpp"
#include "io/setting_text.hpp"

namespace forbear {
namespace {

// The explanations' own words (not the rules'), in both languages.
struct Words {
  const char* why_not;        // followed by the strategy
  const char* rank;           // "Rank {n}"
  const char* points;
  const char* excluded;       // "{}": the points it would have
  const char* first;
  const char* ahead;
  const char* ahead_if_allowed;
  const char* lead;           // "{n} more" / "多 {n} 分"
  const char* vetoed_by;
  const char* took_points;
  const char* gave_points;
  const char* could_have_helped;
  const char* not_fired;
  const char* unknown;
  const char* missing;
  const char* any_of;
  const char* would_fire;     // "it would fire with {setting}"
  const char* best_change;    // "with {setting} it would rank {n}, {score} points"
  const char* no_change;
  const char* what_if;
  const char* was;
  const char* unchanged;
  const char* ranking;
  const char* excluded_rank;
  const char* newly_excluded;
  const char* no_longer_excluded;
  const char* advice_added;
  const char* advice_removed;
  const char* outputs;
  const char* rules;
  const char* missing_facts;
};

constexpr Words kChinese{"为什么不是", "排第", "分", "已排除(否则有 {} 分)。", "它已排第一。", "排在它前面的:",
                         "即使不被排除,仍排在它前面的:", "多 {} 分", "排除它的规则:", "给它减分的规则:", "给它加分的规则:",
                         "本可给它加分但未触发的规则:", "未触发", "未知", "缺少", "任一成立即可:", "则会触发",
                         "单个事实改变最多能让它:", "没有哪个单个事实的改变能让它排名上升。", "如果", "原为",
                         "建议没有变化。", "排名变化:", "已排除", "新排除:", "不再排除:", "新增建议:", "不再建议:",
                         "计算结果变化:", "规则状态变化:", "缺少的信息变化:"};
constexpr Words kEnglish{"Why not", "Rank", "points", "Excluded (it would have {} points).", "It ranks first.", "Ranked above it:",
                         "Without the veto these would still rank above it:", "{} more", "Excluded by:",
                         "Rules that took points from it:", "Rules that gave it points:",
                         "Rules that could have given it points but did not fire:", "not fired", "unknown", "missing",
                         "any of:", "it would fire with", "The single fact change that raises it most:",
                         "No single fact change would raise it.", "What if", "was", "The advice does not change.",
                         "Ranking:", "excluded", "Newly excluded:", "No longer excluded:", "Advice added:",
                         "Advice removed:", "Computed values:", "Rules:", "Missing facts:"};

std::string points_text(Decimal points) {
  const std::string text = points.to_string();
  return points < Decimal() ? text : "+" + text;
}

std::string label_text(const LocalizedText& label, std::string_view lang) {
  const std::string& text = label.in(lang);
  return text.empty() ? std::string() : " (" + text + ")";
}

void write_parts(std::ostringstream& out, const std::vector<ConditionPart>& parts, int indent, const Words& words) {
  for (const auto& part : parts) {
    out << std::string(static_cast<std::size_t>(indent), ' ') << (part.outcome == "false" ? "\xE2\x9C\x97 " : "? ")
        << part.expression << " \xE2\x86\x92 " << part.outcome;
    if (!part.missing.empty()) {
      out << " (" << words.missing << ':';
      for (const auto& m : part.missing) out << ' ' << m;
      out << ')';
    }
    if (part.alternatives && !part.parts.empty()) out << ", " << words.any_of;
    out << '\n';
    write_parts(out, part.parts, indent + 4, words);
  }
}

// A fired rule: its points (when it gives or takes any), name, location, reason and condition.
void write_fired(std::ostringstream& out, const std::vector<RuleExplanation>& rules, std::string_view lang, bool show_points) {
  for (const auto& r : rules) {
    out << "    ";
    if (show_points) out << points_text(r.points) << ' ';
    out << r.rule << " (" << r.location << ")";
    const std::string& reason = r.reason.in(lang);
    if (!reason.empty()) out << ": " << reason;
    out << "\n       " << r.condition << '\n';
  }
}

void write_unfired(std::ostringstream& out, const std::vector<RuleExplanation>& rules, std::string_view lang, const Words& words) {
  for (const auto& r : rules) {
    out << "    " << points_text(r.points) << ' ' << r.rule << " (" << r.location << "), "
        << (r.status == "unknown" ? words.unknown : words.not_fired);
    if (!r.missing.empty()) {
      out << " (" << words.missing << ':';
      for (const auto& m : r.missing) out << ' ' << m;
      out << ')';
    }
    out << '\n';
    write_parts(out, r.failed, 7, words);
    if (r.would_fire_with) {
      const std::string setting = detail::setting_text(r.would_fire_with->fact, r.would_fire_with->value);
      out << "       " << (lang == "zh" ? "若 " + setting + " " + words.would_fire : std::string(words.would_fire) + " " + setting) << '\n';
    }
  }
}

// `pattern` with its "{}" replaced by `value`.
std::string filled(std::string_view pattern, const std::string& value) {
  const auto at = pattern.find("{}");
  return std::string(pattern.substr(0, at)) + value + std::string(pattern.substr(at + 2));
}

// A value in a what-if: as a what-if would set it, "unknown" for null.
std::string shown(const nlohmann::json& value, const Words& words) {
  return value.is_null() ? std::string(words.unknown) : detail::value_text(value);
}

std::string rank_text(int rank, std::string_view lang, const Words& words) {
  if (rank == 0) return words.excluded_rank;
  return lang == "zh" ? "第" + std::to_string(rank) + "名" : "#" + std::to_string(rank);
}

}  // namespace

std::string render_text(const WhyNot& why, std::string_view lang) {
  const Words& words = lang == "zh" ? kChinese : kEnglish;
  const bool zh = lang == "zh";
  std::ostringstream out;
  out << words.why_not << ' ' << why.strategy << label_text(why.label, lang) << (zh ? "?\n" : "?\n");
  if (why.excluded) {
    out << "  " << filled(words.excluded, why.score.to_string()) << '\n';
  } else {
    out << "  " << words.rank << ' ' << why.rank << (zh ? " 名," : ", ") << why.score.to_string() << ' ' << words.points
        << (zh ? "。\n" : ".\n");
  }
  if (!why.ahead.empty()) {
    out << "  " << (why.excluded ? words.ahead_if_allowed : words.ahead) << '\n';
    for (const auto& r : why.ahead) {
      out << "    " << r.rank << ". " << r.id << label_text(r.label, lang) << ": " << r.score.to_string() << ' ' << words.points
          << " (" << filled(words.lead, r.lead.to_string()) << ")\n";
    }
  } else if (!why.excluded) {
    out << "  " << words.first << '\n';
  }
  if (!why.vetoed_by.empty()) {
    out << "  " << words.vetoed_by << '\n';
    write_fired(out, why.vetoed_by, lang, false);
  }
  if (!why.took_points.empty()) {
    out << "  " << words.took_points << '\n';
    write_fired(out, why.took_points, lang, true);
  }
  if (!why.gave_points.empty()) {
    out << "  " << words.gave_points << '\n';
    write_fired(out, why.gave_points, lang, true);
  }
  if (!why.could_have_helped.empty()) {
    out << "  " << words.could_have_helped << '\n';
    write_unfired(out, why.could_have_helped, lang, words);
  }
  if (why.best_change) {
    const std::string setting = detail::setting_text(why.best_change->change.fact, why.best_change->change.value);
    out << "  " << words.best_change << ' '
        << (zh ? "若 " + setting + ",排第 " + std::to_string(why.best_change->rank) + " 名," +
                     why.best_change->score.to_string() + " 分。"
               : "with " + setting + " it would rank " + std::to_string(why.best_change->rank) + " with " +
                     why.best_change->score.to_string() + " points.")
        << '\n';
  } else {
    out << "  " << words.no_change << '\n';
  }
  return out.str();
}

std::string render_text(const WhatIf& what, std::string_view lang) {
  const Words& words = lang == "zh" ? kChinese : kEnglish;
  const bool zh = lang == "zh";
  std::ostringstream out;
  out << words.what_if << (zh ? ":" : ": ");
  for (std::size_t i = 0; i < what.changes.size(); ++i) {
    const auto& c = what.changes[i];
    out << (i ? (zh ? ";" : "; ") : "") << c.name << " = " << shown(c.after, words) << " (" << words.was << ' '
        << shown(c.before, words) << ')';
  }
  out << '\n';
  const AdviceDiff& d = what.diff;
  if (d.empty()) {
    out << "  " << words.unchanged << '\n';
    return out.str();
  }
  const auto label_of = [&](const std::string& id) {
    for (const auto* list : {&what.after, &what.before}) {
      for (const auto& s : list->strategies) {
        if (s.id == id) return label_text(s.label, lang);
      }
      for (const auto& e : list->excluded) {
        if (e.id == id) return label_text(e.label, lang);
      }
    }
    return std::string();
  };
  if (!d.ranking.empty()) {
    out << "  " << words.ranking << '\n';
    for (const auto& m : d.ranking) {
      out << "    " << m.id << label_of(m.id) << ": " << rank_text(m.rank_before, lang, words);
      if (m.rank_after != m.rank_before) out << " \xE2\x86\x92 " << rank_text(m.rank_after, lang, words);
      out << ", " << m.score_before.to_string();
      if (m.score_after != m.score_before) out << " \xE2\x86\x92 " << m.score_after.to_string();
      out << ' ' << words.points << '\n';
    }
  }
  const auto write_ids = [&](const char* heading, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    out << "  " << heading;
    for (const auto& id : ids) out << ' ' << id;
    out << '\n';
  };
  write_ids(words.newly_excluded, d.newly_excluded);
  write_ids(words.no_longer_excluded, d.no_longer_excluded);
  const auto write_advice = [&](const char* heading, const std::vector<std::string>& ids, const AdviceResult& from, char mark) {
    if (ids.empty()) return;
    out << "  " << heading << '\n';
    for (const auto& id : ids) {
      for (const auto& a : from.advice) {
        if (a.id == id) out << "    " << mark << " [" << a.id << "] " << a.text.in(lang) << '\n';
      }
    }
  };
  write_advice(words.advice_added, d.advice_added, what.after, '+');
  write_advice(words.advice_removed, d.advice_removed, what.before, '-');
  if (!d.outputs.empty()) {
    out << "  " << words.outputs << '\n';
    for (const auto& o : d.outputs) {
      out << "    " << o.name << ": " << shown(o.before, words) << " \xE2\x86\x92 " << shown(o.after, words) << '\n';
    }
  }
  if (!d.rules.empty()) {
    out << "  " << words.rules << '\n';
    for (const auto& r : d.rules) out << "    " << r.rule << ": " << r.before << " \xE2\x86\x92 " << r.after << '\n';
  }
  if (!d.missing_added.empty() || !d.missing_removed.empty()) {
    out << "  " << words.missing_facts << '\n';
    for (const auto& m : d.missing_added) out << "    + " << m << '\n';
    for (const auto& m : d.missing_removed) out << "    - " << m << '\n';
  }
  return out.str();
}

}  // namespace forbear
