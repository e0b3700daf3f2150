#pragma once

// Names to numbers for the fast path's lookups (a fact's slot by its name, once per JSON key): an
// open-addressing hash table over views of names that outlive it. Found in about one probe, with one
// byte comparison of the name, where a sorted table costs a binary search of string comparisons.

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace forbear::detail {

class NameIndex {
 public:
  /// An index of `names` (each name once; the bytes they view must outlive the index).
  explicit NameIndex(const std::vector<std::pair<std::string_view, std::uint32_t>>& names);

  /// The number given with `name`, or nothing when it was not given.
  std::optional<std::uint32_t> find(std::string_view name) const noexcept;

 private:
  struct Entry {
    std::string_view name;  // data() == nullptr: an empty place
    std::uint32_t value = 0;
    std::uint32_t hash = 0;
  };

  static std::uint64_t hash(std::string_view name) noexcept;

  std::vector<Entry> table_;  // a power of two in size, at most half full
  std::uint64_t mask_ = 0;
};

}  // namespace forbear::detail
