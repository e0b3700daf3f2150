#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "forbear/decimal.hpp"

namespace forbear {

/// The value of an enum-typed fact: the index of the member in its declaration.
struct EnumMember {
  std::uint32_t index = 0;
  friend bool operator==(EnumMember, EnumMember) = default;
};

/// A value in an evaluation: unknown (std::monostate), bool, int, exact number, text or enum member.
using Value = std::variant<std::monostate, bool, std::int64_t, Decimal, std::string, EnumMember>;

/// True when the value is known.
inline bool is_known(const Value& value) noexcept { return value.index() != 0; }

}  // namespace forbear
