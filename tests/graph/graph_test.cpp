// The graphs: order_values (order of derived values, cycles), the decision graph's vertices and
// edges, RuleSet::dependents and RuleSet::write_dot.

#include "graph/decision_graph.hpp"
#include "graph/value_order.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "forbear/ruleset.hpp"
#include "support/advice_helpers.hpp"

namespace detail = forbear::detail;
using Catch::Matchers::UnorderedEquals;
using Reads = std::vector<std::vector<std::uint32_t>>;
using Ids = std::vector<std::uint32_t>;
using Strings = std::vector<std::string>;

namespace {

using forbear::test::load;

// Every vertex in `order` comes after each vertex it reads that is also in the order.
void check_topological(const Reads& reads, const Ids& order) {
  std::vector<int> position(reads.size(), -1);
  for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = static_cast<int>(i);
  for (std::uint32_t v : order) {
    for (std::uint32_t read : reads[v]) {
      if (position[read] >= 0) CHECK(position[read] < position[v]);
    }
  }
}

// `path` is a cycle: each member reads the next, and the last reads the first.
void check_is_cycle(const Reads& reads, const Ids& path) {
  REQUIRE_FALSE(path.empty());
  for (std::size_t i = 0; i < path.size(); ++i) {
    const std::uint32_t next = path[(i + 1) % path.size()];
    const auto& from = reads[path[i]];
    CHECK(std::find(from.begin(), from.end(), next) != from.end());
  }
  CHECK(std::set<std::uint32_t>(path.begin(), path.end()).size() == path.size());
}

// A small rule set: facts -> derived values -> rules -> strategies and advice, with labels that
// read values.
constexpr const char* kTiny =
    "ruleset tiny version \"2.0\"\n"
    "fact days: int\n"
    "fact income: number\n"
    "fact spare: number\n"
    "let late = days > 30\n"
    "output plan = income / 2\n"
    "strategy pay { en: \"Pay\" }\n"
    "strategy wait { en: \"Wait for {plan}\" }\n"
    "advice doc.proof { en: \"Proof\" }\n"
    "rule r_late when late then pay += 1, exclude wait, advise doc.proof because \"late\" source \"s\"\n"
    "rule r_rich when income > 100 then pay += 2, pay -= 1 because \"rich: {plan}\" source \"s\"\n";

std::string vertex_name(const detail::DecisionGraph& graph, std::size_t v) {
  const auto& vertex = graph.vertices().at(v);
  return std::string(detail::kind_name(vertex.kind)) + ":" + vertex.name;
}

}  // namespace

TEST_CASE("order_values: no values, and values that read nothing", "[graph]") {
  const detail::ValueOrder none = detail::order_values({});
  CHECK(none.order.empty());
  CHECK(none.cycles.empty());
  const detail::ValueOrder independent = detail::order_values({{}, {}, {}});
  CHECK_THAT(independent.order, UnorderedEquals(Ids{0, 1, 2}));
  CHECK(independent.cycles.empty());
}

TEST_CASE("order_values: a chain and a diamond come out in topological order", "[graph]") {
  // 0 reads 1, 1 reads 2: only one order.
  const Reads chain{{1}, {2}, {}};
  const detail::ValueOrder ordered = detail::order_values(chain);
  CHECK(ordered.order == Ids{2, 1, 0});
  CHECK(ordered.cycles.empty());

  // 3 reads 1 and 2, which both read 0; 4 reads 3 and 0.
  const Reads diamond{{}, {0}, {0}, {1, 2}, {3, 0}};
  const detail::ValueOrder result = detail::order_values(diamond);
  CHECK(result.cycles.empty());
  CHECK_THAT(result.order, UnorderedEquals(Ids{0, 1, 2, 3, 4}));
  check_topological(diamond, result.order);
  CHECK(result.order.front() == 0);
  CHECK(result.order.back() == 4);
}

TEST_CASE("order_values: a value that reads itself", "[graph]") {
  const detail::ValueOrder result = detail::order_values({{0}});
  CHECK(result.order.empty());
  REQUIRE(result.cycles.size() == 1);
  CHECK(result.cycles[0] == Ids{0});

  // Among others: only the self-reader is left out.
  const Reads reads{{}, {1, 0}, {0}};
  const detail::ValueOrder mixed = detail::order_values(reads);
  REQUIRE(mixed.cycles.size() == 1);
  CHECK(mixed.cycles[0] == Ids{1});
  CHECK(mixed.order == Ids{0, 2});
}

TEST_CASE("order_values: a 2-cycle", "[graph]") {
  const detail::ValueOrder result = detail::order_values({{1}, {0}});
  CHECK(result.order.empty());
  REQUIRE(result.cycles.size() == 1);
  CHECK(result.cycles[0] == Ids{0, 1});
}

TEST_CASE("order_values: a 3-cycle beside an acyclic part", "[graph]") {
  // 1 reads 2, 2 reads 3, 3 reads 1; 0 is alone; 4 reads 0; 5 reads 4 and the cycle member 1.
  const Reads reads{{}, {2}, {3}, {1}, {0}, {4, 1}};
  const detail::ValueOrder result = detail::order_values(reads);
  REQUIRE(result.cycles.size() == 1);
  CHECK(result.cycles[0] == Ids{1, 2, 3});  // from its first member, along what each reads
  check_is_cycle(reads, result.cycles[0]);
  // The rest is ordered; a value that reads a cycle member is still ordered (its error is the cycle's).
  CHECK(result.order == Ids{0, 4, 5});
}

TEST_CASE("order_values: two separate cycles are reported separately", "[graph]") {
  const Reads reads{{1}, {0}, {}, {4}, {5}, {3}, {2}};
  const detail::ValueOrder result = detail::order_values(reads);
  REQUIRE(result.cycles.size() == 2);
  CHECK_THAT(result.cycles, UnorderedEquals(std::vector<Ids>{{0, 1}, {3, 4, 5}}));
  CHECK(result.order == Ids{2, 6});
}

TEST_CASE("order_values: a strongly connected group with more than one loop gives one real cycle", "[graph]") {
  // 0 <-> 1 and 1 <-> 2: one group {0, 1, 2}, reported as one of its cycles.
  const Reads reads{{1}, {2, 0}, {1}};
  const detail::ValueOrder result = detail::order_values(reads);
  CHECK(result.order.empty());
  REQUIRE(result.cycles.size() == 1);
  check_is_cycle(reads, result.cycles[0]);
  CHECK(result.cycles[0] == Ids{1, 2});
}

TEST_CASE("DecisionGraph: vertices and edges of a small rule set", "[graph]") {
  const forbear::RuleSet rules = load(kTiny, "g.rules");
  const detail::DecisionGraph graph(rules.program());
  Strings vertices;
  for (std::size_t v = 0; v < graph.vertices().size(); ++v) vertices.push_back(vertex_name(graph, v));
  CHECK(vertices == Strings{"fact:days", "fact:income", "fact:spare", "let:late", "output:plan", "rule:r_late",
                            "rule:r_rich", "strategy:pay", "strategy:wait", "advice:doc.proof"});
  Strings edges;
  for (const auto& [from, to] : graph.edges()) edges.push_back(vertex_name(graph, from) + " -> " + vertex_name(graph, to));
  CHECK_THAT(edges, UnorderedEquals(Strings{
                        "fact:days -> let:late",
                        "fact:income -> output:plan",
                        "let:late -> rule:r_late",
                        "rule:r_late -> strategy:pay",
                        "rule:r_late -> strategy:wait",       // exclude
                        "rule:r_late -> advice:doc.proof",    // advise
                        "fact:income -> rule:r_rich",         // condition
                        "output:plan -> rule:r_rich",         // its 'because' text
                        "rule:r_rich -> strategy:pay",        // once for += and -=
                        "output:plan -> strategy:wait",       // the strategy's label
                    }));
}

TEST_CASE("DecisionGraph: dependents of each value", "[graph]") {
  const forbear::RuleSet rules = load(kTiny, "g.rules");
  const detail::DecisionGraph graph(rules.program());
  CHECK(graph.dependents("spare").empty());
  CHECK(graph.dependents("pay").empty());  // not a value
  CHECK(graph.dependents("nothing").empty());
  const auto late = graph.dependents("late");
  Strings names;
  for (const auto& vertex : late) names.push_back(std::string(detail::kind_name(vertex.kind)) + ":" + vertex.name);
  CHECK_THAT(names, UnorderedEquals(Strings{"rule:r_late", "strategy:pay", "strategy:wait", "advice:doc.proof"}));
  CHECK(names.front() == "rule:r_late");
}

TEST_CASE("RuleSet::dependents lists exactly what a fact can influence, in topological order", "[graph]") {
  const forbear::RuleSet rules = load(kTiny, "g.rules");
  const Strings days = rules.dependents("days");
  CHECK_THAT(days, UnorderedEquals(Strings{"let:late", "rule:r_late", "strategy:pay", "strategy:wait", "advice:doc.proof"}));
  CHECK(days[0] == "let:late");
  CHECK(days[1] == "rule:r_late");

  const Strings income = rules.dependents("income");
  CHECK_THAT(income, UnorderedEquals(Strings{"output:plan", "rule:r_rich", "strategy:pay", "strategy:wait"}));
  CHECK(income[0] == "output:plan");
  // plan comes before r_rich and wait, which read it; r_rich before pay.
  const auto at = [&](const std::string& name) { return std::find(income.begin(), income.end(), name) - income.begin(); };
  CHECK(at("output:plan") < at("rule:r_rich"));
  CHECK(at("output:plan") < at("strategy:wait"));
  CHECK(at("rule:r_rich") < at("strategy:pay"));

  CHECK_THAT(rules.dependents("plan"), UnorderedEquals(Strings{"rule:r_rich", "strategy:pay", "strategy:wait"}));
  CHECK(rules.dependents("spare").empty());
  CHECK(rules.dependents("unheard_of").empty());
  CHECK(rules.dependents("r_late").empty());
  CHECK(rules.dependents("doc.proof").empty());
}

TEST_CASE("RuleSet::dependents follows chains of derived values and advice texts", "[graph]") {
  const forbear::RuleSet rules = load(
      "ruleset chain version \"1\"\n"
      "fact a: int\n"
      "fact unrelated: bool\n"
      "let b = a + 1\n"
      "let c = b * 2\n"
      "output d = c - 1\n"
      "strategy s { en: \"s\" }\n"
      "advice say.amount { en: \"I can pay {d}\" }\n"
      "rule r when unrelated then s += 1 because \"r\" source \"x\"\n",
      "g.rules");
  CHECK(rules.dependents("a") == Strings{"let:b", "let:c", "output:d", "advice:say.amount"});
  CHECK(rules.dependents("c") == Strings{"output:d", "advice:say.amount"});
  CHECK(rules.dependents("unrelated") == Strings{"rule:r", "strategy:s"});
}

TEST_CASE("RuleSet::write_dot: the exact graph of a tiny rule set", "[graph]") {
  const forbear::RuleSet rules = load(
      "ruleset tiny version \"1.0 \\\"beta\\\"\"\n"
      "fact days: int\n"
      "let late = days > 30\n"
      "strategy pay { en: \"Pay\" }\n"
      "advice doc.proof { en: \"Proof\" }\n"
      "rule r when late then pay += 1, advise doc.proof because \"b\" source \"s\"\n",
      "g.rules");
  std::ostringstream out;
  rules.write_dot(out);
  CHECK(out.str() ==
        "digraph G {\n"
        "rankdir=LR;\n"
        "label=\"tiny 1.0 \\\"beta\\\"\";\n"
        "node [fontname=\"sans-serif\"];\n"
        "0[label=\"days\", shape=ellipse, style=filled, fillcolor=\"#dbeafe\", id=\"fact:days\"];\n"
        "1[label=\"late\", shape=ellipse, style=filled, fillcolor=\"#e0e7ff\", id=\"let:late\"];\n"
        "2[label=\"r\", shape=box, style=filled, fillcolor=\"#fef3c7\", id=\"rule:r\"];\n"
        "3[label=\"pay\", shape=hexagon, style=filled, fillcolor=\"#dcfce7\", id=\"strategy:pay\"];\n"
        "4[label=\"doc.proof\", shape=note, style=filled, fillcolor=\"#f1f5f9\", id=\"advice:doc.proof\"];\n"
        "0->1 ;\n"
        "1->2 ;\n"
        "2->3 ;\n"
        "2->4 ;\n"
        "}\n");
}

TEST_CASE("RuleSet::write_dot: node and edge lines of the larger example", "[graph]") {
  const forbear::RuleSet rules = load(kTiny, "g.rules");
  std::ostringstream out;
  rules.write_dot(out);
  Strings lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() == 4 + 10 + 10 + 1);
  CHECK(lines[0] == "digraph G {");
  CHECK(lines[2] == "label=\"tiny 2.0\";");
  CHECK(lines[4 + 4] == "4[label=\"plan\", shape=doubleoctagon, style=filled, fillcolor=\"#ede9fe\", id=\"output:plan\"];");
  CHECK(lines[4 + 8] == "8[label=\"wait\", shape=hexagon, style=filled, fillcolor=\"#dcfce7\", id=\"strategy:wait\"];");
  CHECK(lines.back() == "}");
  const Strings edges(lines.begin() + 14, lines.end() - 1);
  CHECK_THAT(edges, UnorderedEquals(Strings{"0->3 ;", "1->4 ;", "3->5 ;", "5->7 ;", "5->8 ;", "5->9 ;", "1->6 ;",
                                            "4->6 ;", "6->7 ;", "4->8 ;"}));
}

TEST_CASE("kind_name names every kind", "[graph]") {
  using Kind = detail::DecisionGraph::Kind;
  CHECK(std::string(detail::kind_name(Kind::fact)) == "fact");
  CHECK(std::string(detail::kind_name(Kind::let)) == "let");
  CHECK(std::string(detail::kind_name(Kind::output)) == "output");
  CHECK(std::string(detail::kind_name(Kind::rule)) == "rule");
  CHECK(std::string(detail::kind_name(Kind::strategy)) == "strategy");
  CHECK(std::string(detail::kind_name(Kind::advice)) == "advice");
}

TEST_CASE("order_values: values that do not depend on each other keep their declaration order", "[graph]") {
  CHECK(detail::order_values({{}, {}, {}}).order == Ids{0, 1, 2});
  // 1 reads 3; 0 and 2 read nothing: 3 must come before 1, everything else stays in place.
  CHECK(detail::order_values({{}, {3}, {}, {}}).order == Ids{0, 3, 1, 2});
}
