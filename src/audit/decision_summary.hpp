#pragma once

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/advice.hpp"

namespace forbear::detail {

/// The "result" of an audit record: what the advice decided, without the texts for people (which
/// may quote masked facts): {"strategies": [{"id", "rank", "score", "because": [{"rule", "points"}]}],
/// "excluded": [{"id", "score", "vetoed_by": [rule], "because": [...]}], "advice": [{"id", "rules"}],
/// "outputs": {name: value}, "missing": [fact], "faults": [{"where", "message"}]}. An output named in
/// `mask` is written {"masked": true}, one named in `drop` is left out.
nlohmann::ordered_json decision_summary(const AdviceResult& result, const std::vector<std::string>& mask,
                                        const std::vector<std::string>& drop);

/// The rules that fired, by name in byte order: from the trace when the advice has one, else from
/// the rules named in its scores, vetoes and advice items (every effect of a fired rule is one of these).
std::set<std::string> fired_rules(const AdviceResult& result);

/// The marker that replaces a masked value: {"masked": true}.
const nlohmann::ordered_json& masked_marker();

}  // namespace forbear::detail
