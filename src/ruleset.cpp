#include "forbear/ruleset.hpp"

#include "graph/decision_graph.hpp"
#include "model/program.hpp"

namespace forbear {

const std::string& LocalizedText::in(std::string_view lang) const noexcept {
  const std::string& wanted = lang == "zh" ? zh : en;
  const std::string& other = lang == "zh" ? en : zh;
  return wanted.empty() ? other : wanted;
}

RuleSet::RuleSet(std::shared_ptr<const detail::Program> program) noexcept : program_(std::move(program)) {}

const std::string& RuleSet::name() const noexcept { return program_->name; }
const std::string& RuleSet::version() const noexcept { return program_->version; }
const std::string& RuleSet::sha256() const noexcept { return program_->sha256; }
const std::vector<SourceFile>& RuleSet::sources() const noexcept { return program_->sources; }

std::vector<FactInfo> RuleSet::facts() const {
  std::vector<FactInfo> facts;
  for (detail::Slot slot = 0; slot < program_->fact_count; ++slot) {
    const auto& value = program_->values[slot];
    LocalizedText description;
    for (const auto& piece : value.description.zh.pieces) description.zh += piece.text;
    for (const auto& piece : value.description.en.pieces) description.en += piece.text;
    facts.push_back({value.name, program_->type_name(value.type), program_->accepted(value), std::move(description),
                     value.default_value.has_value()});
  }
  return facts;
}

void RuleSet::write_dot(std::ostream& out) const {
  detail::DecisionGraph(*program_).write_dot(out, program_->name + " " + program_->version);
}

std::vector<std::string> RuleSet::dependents(std::string_view value_name) const {
  std::vector<std::string> names;
  for (const auto& vertex : detail::DecisionGraph(*program_).dependents(value_name)) {
    names.push_back(std::string(detail::kind_name(vertex.kind)) + ":" + vertex.name);
  }
  return names;
}

}  // namespace forbear
