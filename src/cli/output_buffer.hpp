#pragma once

// The bytes `forbear batch` writes for one chunk of lines. Appending checks the room left and copies,
// nothing more: the buffer keeps its size at its capacity (it is zero-filled only when it grows) and
// counts the bytes in use itself, which spares std::string's per-append bookkeeping on the hundreds of
// small pieces of an advice line.

#include <cstring>
#include <string>
#include <string_view>

namespace forbear::cli {

class OutputBuffer {
 public:
  /// Empties the buffer; its room stays.
  void clear() noexcept { used_ = 0; }
  /// Bytes in use.
  std::size_t size() const noexcept { return used_; }
  /// Drops the bytes after the first `size` (size <= size()).
  void truncate(std::size_t size) noexcept { used_ = size; }
  /// The bytes in use.
  std::string_view view() const noexcept { return {bytes_.data(), used_}; }

  /// Appends `text`.
  [[gnu::always_inline]] void put(std::string_view text) {
    if (bytes_.size() - used_ < text.size()) grow(text.size());
    std::memcpy(bytes_.data() + used_, text.data(), text.size());
    used_ += text.size();
  }
  /// Appends one byte.
  [[gnu::always_inline]] void put(char c) {
    if (bytes_.size() == used_) grow(1);
    bytes_[used_++] = c;
  }
  /// Room for `count` more bytes, to be written at the pointer returned and then committed with
  /// commit(written), written <= count.
  char* room(std::size_t count) {
    if (bytes_.size() - used_ < count) grow(count);
    return bytes_.data() + used_;
  }
  /// Takes `written` bytes written at room()'s pointer into use.
  void commit(std::size_t written) noexcept { used_ += written; }

 private:
  [[gnu::noinline]] void grow(std::size_t more) {
    std::size_t size = bytes_.size() < 4096 ? 4096 : bytes_.size() * 2;
    while (size - used_ < more) size *= 2;
    bytes_.resize(size);
  }

  std::string bytes_;
  std::size_t used_ = 0;
};

}  // namespace forbear::cli
