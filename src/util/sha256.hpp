#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace forbear::detail {

/// Incremental SHA-256 (FIPS 180-4). Feed bytes with update(), then call finish() exactly once.
class Sha256 {
 public:
  /// Starts a fresh digest of the empty message.
  Sha256() noexcept;

  /// Appends bytes to the message; must not be called after finish().
  void update(std::string_view bytes) noexcept;

  /// Pads the message and returns its 32-byte digest; the object is spent afterwards.
  std::array<std::uint8_t, 32> finish() noexcept;

 private:
  void compress(const std::uint8_t* block) noexcept;

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

/// Lowercase hexadecimal of a 32-byte digest (64 characters).
std::string to_hex(const std::array<std::uint8_t, 32>& digest);

/// Lowercase hexadecimal SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace forbear::detail
