#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace forbear::detail {

/// Which code compresses the blocks: the processor's SHA instructions when it has them (x86-64
/// SHA extensions), or portable C++ everywhere. Both give the same digest.
enum class Sha256Engine { best, portable };

/// Incremental SHA-256 (FIPS 180-4). Feed bytes with update(), then call finish() exactly once.
class Sha256 {
 public:
  /// Starts a fresh digest of the empty message, computed by `engine`.
  explicit Sha256(Sha256Engine engine = Sha256Engine::best) noexcept;

  /// Appends bytes to the message; must not be called after finish().
  void update(std::string_view bytes) noexcept;

  /// Pads the message and returns its 32-byte digest; the object is spent afterwards.
  std::array<std::uint8_t, 32> finish() noexcept;

 private:
  void compress(const std::uint8_t* blocks, std::size_t count) noexcept;

  std::array<std::uint32_t, 8> state_;
  bool hardware_ = false;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

/// True when this processor has the SHA instructions that Sha256Engine::best uses.
bool sha256_hardware_available() noexcept;

/// Lowercase hexadecimal of a 32-byte digest (64 characters).
std::string to_hex(const std::array<std::uint8_t, 32>& digest);

/// Lowercase hexadecimal SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace forbear::detail
