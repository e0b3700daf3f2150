#include "eval/name_index.hpp"

#include <cstring>

namespace forbear::detail {

NameIndex::NameIndex(const std::vector<std::pair<std::string_view, std::uint32_t>>& names) {
  std::size_t size = 8;
  while (size < 2 * names.size()) size *= 2;
  table_.resize(size);
  mask_ = size - 1;
  static constexpr char kEmptyName[] = "";
  for (const auto& [name, value] : names) {
    const std::uint64_t h = hash(name);
    std::uint64_t place = h & mask_;
    while (table_[place].name.data() != nullptr) place = (place + 1) & mask_;
    // An empty name still marks its place as taken.
    table_[place] = Entry{name.empty() ? std::string_view(kEmptyName, 0) : name, value, static_cast<std::uint32_t>(h >> 32)};
  }
}

std::optional<std::uint32_t> NameIndex::find(std::string_view name) const noexcept {
  const std::uint64_t h = hash(name);
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  for (std::uint64_t place = h & mask_;; place = (place + 1) & mask_) {
    const Entry& entry = table_[place];
    if (entry.name.data() == nullptr) return std::nullopt;
    if (entry.hash == tag && entry.name == name) return entry.value;
  }
}

// Eight bytes at a time, each word folded in with a multiplication; a name of 8 bytes or more ends
// with its last 8 bytes (overlapping the word before), a shorter one is one zero-padded word. The
// length is mixed in first, so names that differ only in trailing zero bytes differ.
std::uint64_t NameIndex::hash(std::string_view name) noexcept {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  const auto fold = [](std::uint64_t h, std::uint64_t word) {
    h = (h ^ word) * kMultiplier;
    return h ^ (h >> 29);
  };
  std::uint64_t h = (name.size() + 1) * kMultiplier;
  const char* bytes = name.data();
  const std::size_t size = name.size();
  std::uint64_t word = 0;
  if (size < 8) {
    for (std::size_t i = 0; i < size; ++i) word |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i])) << (8 * i);
    h = fold(h, word);
  } else {
    std::size_t at = 0;
    for (; at + 8 <= size; at += 8) {
      std::memcpy(&word, bytes + at, 8);
      h = fold(h, word);
    }
    if (at < size) {
      std::memcpy(&word, bytes + size - 8, 8);
      h = fold(h, word);
    }
  }
  h *= kMultiplier;
  return h ^ (h >> 32);
}

}  // namespace forbear::detail
