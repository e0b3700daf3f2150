// forbear advise --why-not / --set and forbear graph with a case, run as a separate process.

#include <catch2/catch.hpp>

#ifdef FORBEAR_CLI_PATH

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"

namespace {

using nlohmann::json;

const char* const kRules = R"(ruleset why version "1"
fact days: int in 0.. { zh: "逾期天数", en: "days overdue" }
fact has_proof: bool
fact kind: enum(illness, job_loss, none)
fact amount: number
let long_overdue = days > 30
strategy plan { zh: "分期", en: "Installments" }
strategy grace { zh: "宽限", en: "Grace" }
strategy waiver { zh: "减免", en: "Waiver" }
advice doc.proof { zh: "证明", en: "Proof" }
rule r_long when long_overdue then plan += 5 because "long" source "s1"
rule r_short when not long_overdue then grace += 3 because "short" source "s2"
rule r_proof when has_proof then waiver += 6, advise doc.proof because "proof" source "s3"
rule r_big when amount >= 5000 then grace -= 2 because "big" source "s4"
rule r_veto when days > 90 then exclude grace because "too late" source "s5"
)";

class Sandbox : public forbear::test::CliSandbox {
 public:
  Sandbox() {
    write("why.rules", kRules);
    write("case.json", R"({"id": "c1", "days": 45, "kind": "job_loss", "amount": 8000})");
  }
};

const char* const kWhyNotGrace =
    "Why not grace (Grace)?\n"
    "  Rank 3, -2 points.\n"
    "  Ranked above it:\n"
    "    1. plan (Installments): 5 points (7 more)\n"
    "    2. waiver (Waiver): 0 points (2 more)\n"
    "  Rules that took points from it:\n"
    "    -2 r_big (why.rules:14): big\n"
    "       amount (8000) >= 5000 → true\n"
    "  Rules that could have given it points but did not fire:\n"
    "    +3 r_short (why.rules:12), not fired\n"
    "       ✗ not long_overdue (true) → false\n"
    "       it would fire with days = 30\n"
    "  The single fact change that raises it most: with days = 30 it would rank 1 with 1 points.\n";

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("cli: advise --why-not adds an explanation after the advice", "[cli][explain]") {
  Sandbox box;
  const auto plain = box.run("advise --rules why.rules --lang en --no-trace case.json");
  REQUIRE(plain.status == 0);
  const auto r = box.run("advise --rules why.rules --lang en --no-trace --why-not grace case.json");
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == plain.out + "\n" + kWhyNotGrace);

  // Repeatable, in the order given; Chinese by default.
  const auto two = box.run("advise --rules why.rules --no-trace --why-not waiver --why-not grace case.json");
  CHECK(two.status == 0);
  const auto waiver_at = two.out.find("\n为什么不是 waiver (减免)?\n  排第 2 名,0 分。\n");
  const auto grace_at = two.out.find("\n为什么不是 grace (宽限)?\n  排第 3 名,-2 分。\n");
  CHECK(waiver_at != std::string::npos);
  CHECK(grace_at != std::string::npos);
  CHECK(waiver_at < grace_at);
}

TEST_CASE("cli: advise --why-not --format json adds a why_not array", "[cli][explain]") {
  Sandbox box;
  const auto r = box.run("advise --rules why.rules --format json --why-not grace case.json");
  INFO(r.err);
  REQUIRE(r.status == 0);
  const auto j = nlohmann::ordered_json::parse(r.out);
  CHECK(std::prev(j.end()).key() == "why_not");  // after every key of the advice
  REQUIRE(j["why_not"].size() == 1);
  CHECK(j["why_not"][0]["strategy"] == "grace");
  CHECK(j["why_not"][0]["rank"] == 3);
  CHECK(j["why_not"][0]["could_have_helped"][0]["rule"] == "r_short");
  CHECK(j["why_not"][0]["could_have_helped"][0]["would_fire_with"] == json{{"fact", "days"}, {"value", 30}});
  CHECK(j["strategies"][0]["id"] == "plan");

  const auto without = box.run("advise --rules why.rules --format json case.json");
  CHECK_FALSE(json::parse(without.out).contains("why_not"));
}

TEST_CASE("cli: advise --set prints what changes", "[cli][explain]") {
  Sandbox box;
  const auto r = box.run("advise --rules why.rules --lang en --set has_proof=true --set amount=20000 case.json");
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  // has_proof: waiver +6 takes the lead; amount 20000 changes nothing more (r_big already fired).
  CHECK(r.out ==
        "What if: has_proof = true (was unknown); amount = 20000 (was 8000)\n"
        "  Ranking:\n"
        "    waiver (Waiver): #2 → #1, 0 → 6 points\n"
        "    plan (Installments): #1 → #2, 5 points\n"
        "  Advice added:\n"
        "    + [doc.proof] Proof\n"
        "  Rules:\n"
        "    r_proof: unknown → fired\n"
        "  Missing facts:\n"
        "    - has_proof\n");

  SECTION("with --why-not, about the changed case") {
    const auto both = box.run("advise --rules why.rules --lang en --set days=20 --why-not grace case.json");
    CHECK(both.status == 0);
    CHECK_THAT(both.out, Catch::StartsWith("What if: days = 20 (was 45)\n"));
    CHECK_THAT(both.out, Catch::Contains("\nWhy not grace (Grace)?\n  Rank 1, 1 points.\n  It ranks first.\n"));
  }
  SECTION("as JSON: before, after, diff") {
    const auto j = box.run("advise --rules why.rules --format json --no-trace --set has_proof=true --why-not plan case.json");
    REQUIRE(j.status == 0);
    const auto out = nlohmann::ordered_json::parse(j.out);
    std::vector<std::string> keys;
    for (auto it = out.begin(); it != out.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"changes", "before", "after", "diff", "why_not"});
    CHECK(out["changes"][0]["name"] == "has_proof");
    CHECK(out["changes"][0]["before"].is_null());
    CHECK(out["before"]["strategies"][0]["id"] == "plan");
    CHECK(out["after"]["strategies"][0]["id"] == "waiver");
    CHECK(out["after"]["trace"]["rules"].empty());  // --no-trace
    CHECK(out["diff"]["advice_added"] == json{"doc.proof"});
    CHECK(out["why_not"][0]["strategy"] == "plan");
    CHECK(out["why_not"][0]["rank"] == 2);  // in the changed case
  }
}

TEST_CASE("cli: a bad --why-not or --set exits 2 and names it", "[cli][explain]") {
  Sandbox box;
  struct Case {
    const char* args;
    const char* message;
  };
  const Case cases[] = {
      {"--why-not grase", "forbear: error: --why-not: unknown strategy 'grase' (did you mean 'grace'?)\n"},
      {"--why-not lottery", "forbear: error: --why-not: unknown strategy 'lottery'\n"},
      {"--set has_prof=true", "forbear: error: --set has_prof: unknown fact 'has_prof' (did you mean 'has_proof'?)\n"},
      {"--set has_proof=maybe", "forbear: error: --set has_proof: expected bool, got a string \"maybe\"\n"},
      {"--set days=-1", "forbear: error: --set days: expected int >= 0, got -1\n"},
      {"--set kind=ilness",
       "forbear: error: --set kind: expected one of illness, job_loss, none, got \"ilness\" (did you mean 'illness'?)\n"},
      {"--set long_overdue=true",
       "forbear: error: --set long_overdue: 'long_overdue' is derived by the rules and cannot be given in a case\n"},
      {"--set days=1 --set days=2", "forbear: error: --set days: changed more than once\n"},
      {"--set days=x --set amount=y",
       "forbear: error: --set amount: expected number, got a string \"y\"\n"
       "forbear: error: --set days: expected int, got a string \"x\"\n"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    const auto r = box.run(std::string("advise --rules why.rules ") + c.args + " case.json");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == c.message);
  }
  // The case's own errors come first and read as without --set.
  box.write("bad.json", R"({"days": "many"})");
  const auto bad = box.run("advise --rules why.rules --set has_proof=true bad.json");
  CHECK(bad.status == 2);
  CHECK(bad.err == "bad.json: error: 'days': expected int, got a string \"many\"\n");
}

TEST_CASE("cli: graph with a case highlights the fired path", "[cli][explain][graph]") {
  Sandbox box;
  const auto r = box.run("graph --rules why.rules --lang en case.json");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(starts_with(r.out, "digraph G {\nrankdir=LR;\nlabel=\"why 1 — c1\";\n"));
  CHECK_THAT(r.out, Catch::Contains("0[label=\"days\\n= 45\", shape=ellipse, style=filled, fillcolor=\"#dbeafe\", "
                                    "color=\"#b91c1c\", penwidth=\"2.5\", id=\"fact:days\"];\n"));
  CHECK_THAT(r.out, Catch::Contains("[label=\"r_long\", shape=box, style=filled, fillcolor=\"#fef3c7\", color=\"#b91c1c\", "
                                    "penwidth=\"2.5\", tooltip=\"long_overdue (true) → true\", id=\"rule:r_long\"];\n"));
  CHECK_THAT(r.out, Catch::Contains("[label=\"r_proof\", shape=box, style=\"filled,dashed\", fillcolor=\"#e5e7eb\", "
                                    "color=\"#9ca3af\", fontcolor=\"#6b7280\", tooltip=\"has_proof (unknown) → unknown\", "
                                    "id=\"rule:r_proof\"];\n"));
  CHECK_THAT(r.out, Catch::Contains("[label=\"grace\\nGrace\\n#3 · -2 points\", shape=hexagon, style=filled, "
                                    "fillcolor=\"#dcfce7\", color=\"#b91c1c\", penwidth=\"2.5\", id=\"strategy:grace\"];\n"));
  const auto zh = box.run("graph --rules why.rules case.json");
  CHECK_THAT(zh.out, Catch::Contains("[label=\"grace\\n宽限\\n第3名 · -2 分\", "));
  // Without a case: the plain graph, as before.
  const auto plain = box.run("graph --rules why.rules");
  CHECK_THAT(plain.out, Catch::Contains("0[label=\"days\", shape=ellipse, style=filled, fillcolor=\"#dbeafe\", id=\"fact:days\"];\n"));
  // A bad case exits 2.
  box.write("bad.json", R"({"days": true})");
  const auto bad = box.run("graph --rules why.rules bad.json");
  CHECK(bad.status == 2);
  CHECK(bad.out.empty());
  CHECK(bad.err == "bad.json: error: 'days': expected int, got a bool true\n");
}

TEST_CASE("cli: graph --format svg runs Graphviz", "[cli][explain][graph]") {
  Sandbox box;
  const auto r = box.run("graph --rules why.rules --format svg case.json");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  CHECK(starts_with(r.out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"));
  CHECK_THAT(r.out, Catch::Contains("<svg "));
  // A fired rule's node: its id, its name, its path colour and its condition on hover.
  CHECK_THAT(r.out, Catch::Contains("<g id=\"rule:r_long\" class=\"node\">"));
  CHECK_THAT(r.out, Catch::Contains("<a xlink:title=\"long_overdue (true) → true\">"));
  CHECK_THAT(r.out, Catch::Contains("stroke=\"#b91c1c\" stroke-width=\"2.5\""));
  CHECK_THAT(r.out, Catch::Contains(">r_long</text>"));
  CHECK_THAT(r.out, Catch::EndsWith("</svg>\n"));

  const auto plain = box.run("graph --rules why.rules --format svg");
  CHECK(plain.status == 0);
  CHECK(starts_with(plain.out, "<?xml "));

  // Without Graphviz on PATH: a clear error naming the package.
  const auto missing = box.run("graph --rules why.rules --format svg case.json", "", "PATH=/nonexistent");
  CHECK(missing.status == 2);
  CHECK(missing.out.empty());
  CHECK(missing.err ==
        "forbear: error: --format svg needs Graphviz's 'dot' program, which is not on PATH; install Debian's graphviz "
        "package (apt-get install graphviz), or use --format dot\n");
}

#endif
