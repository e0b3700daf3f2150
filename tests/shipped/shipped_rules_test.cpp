// The shipped knowledge base: it loads cleanly, and every bundled case gives the expected advice.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"
#include "model/program.hpp"
#include "support/advice_helpers.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using forbear::test::advice_ids;
using forbear::test::case_errors;
using forbear::test::ranking;

const fs::path kRulesDir = fs::path(FORBEAR_SOURCE_DIR) / "rules";
const fs::path kCasesDir = fs::path(FORBEAR_SOURCE_DIR) / "examples" / "cases";
const fs::path kExpectations = fs::path(FORBEAR_TEST_DATA_DIR) / "shipped_expectations.json";

json read_json(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return json::parse(in);
}

const forbear::RuleSet& shipped() {
  static const forbear::RuleSet rules = [] {
    auto loaded = forbear::load_rules({kRulesDir});
    if (!loaded.ok()) throw std::runtime_error("the shipped rules do not load:\n" + loaded.rendered_diagnostics());
    return *loaded.rules;
  }();
  return rules;
}

forbear::AdviceResult advise_case(const std::string& file) {
  const auto facts = read_json(kCasesDir / file);
  const auto parsed = forbear::parse_case(shipped(), facts);
  INFO(file << ":\n" << case_errors(parsed));
  REQUIRE(parsed.ok());
  return forbear::advise(shipped(), *parsed.value);
}

// "installment 16, extension 6, fee_waiver 4 | excluded: ..." for failure messages.
std::string summary(const forbear::AdviceResult& result) {
  std::ostringstream out;
  for (std::size_t i = 0; i < result.strategies.size() && i < 3; ++i) {
    out << (i ? ", " : "") << result.strategies[i].id << ' ' << result.strategies[i].score.to_string();
  }
  out << " | excluded:";
  for (const auto& e : result.excluded) out << ' ' << e.id;
  return out.str();
}

std::vector<std::string> strings(const json& list) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item.get<std::string>());
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string top(const forbear::AdviceResult& result) { return result.strategies.empty() ? "" : result.strategies[0].id; }

}  // namespace

TEST_CASE("the shipped rules load with no errors and no warnings", "[shipped]") {
  const auto loaded = forbear::load_rules({kRulesDir});
  INFO(loaded.rendered_diagnostics());
  REQUIRE(loaded.ok());
  CHECK(loaded.diagnostics.empty());
  CHECK(loaded.rules->name() == "overdue_advisor");
  CHECK_FALSE(loaded.rules->version().empty());
  CHECK(loaded.rules->sha256().size() == 64);
  // Files are loaded in byte order of their names.
  const auto& sources = loaded.rules->sources();
  REQUIRE(sources.size() >= 2);
  CHECK(fs::path(sources.front().path).filename() == "00_ruleset.rules");
  CHECK(std::is_sorted(sources.begin(), sources.end(), [](const auto& a, const auto& b) {
    return fs::path(a.path).filename().string() < fs::path(b.path).filename().string();
  }));
}

TEST_CASE("every bundled case is accepted by the shipped rules", "[shipped]") {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(kCasesDir)) {
    if (entry.path().extension() == ".json") cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE_FALSE(cases.empty());
  for (const auto& path : cases) {
    const auto parsed = forbear::parse_case(shipped(), read_json(path));
    INFO(path.filename().string() << "\n" << case_errors(parsed));
    CHECK(parsed.ok());
  }
}

TEST_CASE("小李: installment comes first", "[shipped]") {
  const auto result = advise_case("xiaoli.json");
  INFO("top 3: " << summary(result));
  CHECK(result.id == json("xiaoli"));
  CHECK(top(result) == "installment");
}

TEST_CASE("小王: installment comes first", "[shipped]") {
  const auto result = advise_case("xiaowang.json");
  INFO("top 3: " << summary(result));
  CHECK(result.id == json("xiaowang"));
  CHECK(top(result) == "installment");
}

TEST_CASE("the shipped expectations hold for every bundled case", "[shipped]") {
  const json expectations = read_json(kExpectations);
  REQUIRE(expectations.is_array());
  REQUIRE_FALSE(expectations.empty());
  static const std::vector<std::string> kKnownKeys{"case", "top", "top3_includes", "not_top", "excluded", "not_excluded",
                                                   "advice_includes", "advice_excludes", "outputs"};
  for (const auto& expected : expectations) {
    const std::string file = expected.at("case").get<std::string>();
    DYNAMIC_SECTION(file) {
      for (const auto& [key, value] : expected.items()) {
        INFO("expectation key " << key);
        CHECK(contains(kKnownKeys, key));
      }
      const auto result = advise_case(file);
      INFO("top 3: " << summary(result));

      const std::vector<std::string> ranked = ranking(result);
      std::vector<std::string> top3(ranked.begin(), ranked.begin() + std::min<std::ptrdiff_t>(3, static_cast<std::ptrdiff_t>(ranked.size())));
      std::vector<std::string> excluded;
      for (const auto& e : result.excluded) excluded.push_back(e.id);
      const std::vector<std::string> advice = advice_ids(result);

      if (expected.contains("top")) CHECK(top(result) == expected["top"].get<std::string>());
      for (const auto& id : strings(expected.value("top3_includes", json::array()))) {
        INFO("expected in the top 3: " << id);
        CHECK(contains(top3, id));
      }
      for (const auto& id : strings(expected.value("not_top", json::array()))) {
        INFO("expected not first: " << id);
        CHECK(top(result) != id);
      }
      for (const auto& id : strings(expected.value("excluded", json::array()))) {
        INFO("expected excluded: " << id);
        CHECK(contains(excluded, id));
      }
      for (const auto& id : strings(expected.value("not_excluded", json::array()))) {
        INFO("expected not excluded: " << id);
        CHECK_FALSE(contains(excluded, id));
        CHECK(contains(ranked, id));
      }
      for (const auto& id : strings(expected.value("advice_includes", json::array()))) {
        INFO("expected advice: " << id);
        CHECK(contains(advice, id));
      }
      for (const auto& id : strings(expected.value("advice_excludes", json::array()))) {
        INFO("unexpected advice: " << id);
        CHECK_FALSE(contains(advice, id));
      }
      if (expected.contains("outputs")) {
        for (const auto& [name, value] : expected["outputs"].items()) {
          const auto it = std::find_if(result.outputs.begin(), result.outputs.end(), [&](const auto& o) { return o.first == name; });
          INFO("output " << name);
          REQUIRE(it != result.outputs.end());
          CHECK(it->second == value);
        }
      }
      // Every strategy is either ranked or excluded, exactly once.
      CHECK(ranked.size() + excluded.size() == shipped().program().strategies.size());
      for (const auto& id : excluded) CHECK_FALSE(contains(ranked, id));
      CHECK(result.faults.empty());
    }
  }
}
