// render_text(AdviceResult): the advice for people, in Chinese or English.

#include <sstream>

#include "forbear/advice.hpp"
#include "io/setting_text.hpp"

namespace forbear {
namespace {

// The report's own words (not the rules'), in both languages.
struct Words {
  const char* ruleset;
  const char* strategies;
  const char* points;
  const char* excluded;
  const char* vetoed_by;
  const char* outputs;
  const char* advice;
  const char* missing;
  const char* faults;
  const char* trace;
  const char* none;
  const char* source;
  const char* unknown;
};

constexpr Words kChinese{"规则集", "建议策略(按得分排序)", "分", "已排除的策略", "排除规则", "计算结果", "具体建议",
                         "缺少的信息(补充后建议可能改变)", "计算问题", "推理过程", "无", "依据", "未知"};
constexpr Words kEnglish{"Rule set", "Strategies (ranked by score)", "points", "Excluded strategies", "excluded by",
                         "Computed values", "Advice", "Missing facts (the advice may change once known)",
                         "Arithmetic faults", "Trace", "none", "source", "unknown"};

std::string points_text(Decimal points) {
  const std::string text = points.to_string();
  return points < Decimal() ? text : "+" + text;
}

void write_contributions(std::ostringstream& out, const std::vector<Contribution>& list, std::string_view lang,
                         const Words& words, bool show_points) {
  for (const auto& c : list) {
    out << "      - ";
    if (show_points) out << points_text(c.points) << ' ';
    out << c.rule << ": " << c.reason.in(lang);
    if (!c.sources.empty()) {
      out << " [" << words.source << ": ";
      for (std::size_t i = 0; i < c.sources.size(); ++i) out << (i ? "; " : "") << c.sources[i];
      out << ']';
    }
    out << " (" << c.location << ")\n";
  }
}

// How one value of a missing fact would move the ranking: "x = true would put s first".
std::string impact_text(const MissingFact& m, std::string_view lang) {
  const std::string setting = detail::setting_text(m.fact, m.with_value);
  const std::string places = std::to_string(m.positions_moved);
  if (lang == "zh") {
    if (m.could_change_top) return "若 " + setting + "," + (m.new_top.empty() ? "将没有可选的策略" : m.new_top + " 将排第一");
    return "若 " + setting + ",排名共变动 " + places + " 位";
  }
  if (m.could_change_top) return setting + (m.new_top.empty() ? " would leave no strategy ranked" : " would put " + m.new_top + " first");
  return setting + " would move the ranking by " + places + " places";
}

}  // namespace

std::string render_text(const AdviceResult& result, std::string_view lang) {
  const Words& words = lang == "zh" ? kChinese : kEnglish;
  std::ostringstream out;
  if (!result.id.is_null()) out << "# " << (result.id.is_string() ? result.id.get<std::string>() : result.id.dump()) << '\n';
  out << words.ruleset << ": " << result.ruleset.name << ' ' << result.ruleset.version << " (sha256 "
      << result.ruleset.sha256.substr(0, 12) << ")\n\n";

  out << words.strategies << ":\n";
  for (const auto& s : result.strategies) {
    out << "  " << s.rank << ". " << s.label.in(lang) << " [" << s.id << "] " << s.score.to_string() << ' ' << words.points
        << '\n';
    write_contributions(out, s.because, lang, words, true);
  }
  if (!result.excluded.empty()) {
    out << '\n' << words.excluded << ":\n";
    for (const auto& e : result.excluded) {
      out << "  x " << e.label.in(lang) << " [" << e.id << "], " << words.vetoed_by << ":\n";
      write_contributions(out, e.vetoed_by, lang, words, false);
    }
  }
  if (!result.outputs.empty()) {
    out << '\n' << words.outputs << ":\n";
    for (const auto& [name, value] : result.outputs) {
      out << "  " << name << " = "
          << (value.is_null() ? std::string(words.unknown) : value.is_string() ? value.get<std::string>() : value.dump()) << '\n';
    }
  }
  out << '\n' << words.advice << ":\n";
  if (result.advice.empty()) out << "  " << words.none << '\n';
  for (const auto& a : result.advice) out << "  - [" << a.id << "] " << a.text.in(lang) << '\n';
  if (!result.missing.empty()) {
    out << '\n' << words.missing << ":\n";
    for (const auto& m : result.missing) {
      out << "  - " << m.fact;
      const std::string& description = m.description.in(lang);
      if (!description.empty()) out << " (" << description << ')';
      if (m.positions_moved > 0) out << ": " << impact_text(m, lang);
      out << '\n';
    }
  }
  if (!result.faults.empty()) {
    out << '\n' << words.faults << ":\n";
    for (const auto& f : result.faults) out << "  - " << f.where << ": " << f.message << " (" << f.location << ")\n";
  }
  if (!result.trace.empty() || !result.values.empty()) {
    out << '\n' << words.trace << ":\n";
    for (const auto& v : result.values) out << "  " << v.kind << ' ' << v.name << " = " << v.expression << " = " << v.value << '\n';
    for (const auto& t : result.trace) {
      out << "  [" << t.status << "] " << t.rule << ": " << t.condition;
      if (!t.missing.empty()) {
        out << "  (missing:";
        for (const auto& m : t.missing) out << ' ' << m;
        out << ')';
      }
      out << '\n';
    }
  }
  return out.str();
}

}  // namespace forbear
