#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "eval/name_index.hpp"

using forbear::detail::NameIndex;

TEST_CASE("name index: finds every name given and nothing else", "[fast]") {
  // Names of every length around the 8-byte words the hash reads, names that differ only in their
  // last byte or by a trailing zero byte, and the empty name.
  std::vector<std::string> names = {"", "a", std::string("a\0", 2), "ab", "days_overdue", "days_overduf"};
  for (std::size_t length = 1; length <= 40; ++length) {
    names.push_back(std::string(length, 'x'));
    names.push_back(std::string(length - 1, 'x') + "y");
  }
  for (int i = 0; i < 500; ++i) names.push_back("fact_" + std::to_string(i));
  std::vector<std::pair<std::string_view, std::uint32_t>> entries;
  for (std::uint32_t i = 0; i < names.size(); ++i) entries.emplace_back(names[i], i);
  const NameIndex index(entries);
  for (std::uint32_t i = 0; i < names.size(); ++i) {
    INFO(names[i]);
    REQUIRE(index.find(names[i]) == i);
  }
  CHECK_FALSE(index.find("fact_500").has_value());
  CHECK_FALSE(index.find("b").has_value());
  CHECK_FALSE(index.find(std::string(41, 'x')).has_value());
  CHECK_FALSE(index.find(std::string("ab\0", 3)).has_value());
  CHECK_FALSE(NameIndex({}).find("").has_value());
}
