#pragma once

// A chunk of `forbear batch`: a run of consecutive input lines and, once answered, their output
// lines. Chunks are what the reader fills, the workers answer and the writer writes, in input order.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cli/output_buffer.hpp"

namespace forbear::cli {

/// One input line of a chunk: where its kept bytes are in the chunk's text, and its full length.
struct ChunkLine {
  std::size_t offset = 0;  ///< of its first byte in Chunk::text
  std::size_t size = 0;    ///< bytes kept (at most the case limit and one more), without the line end
  std::size_t length = 0;  ///< bytes in the line, also those not kept, without the line end
};

/// A run of consecutive input lines and their output. On cache lines of its own: two workers write
/// two chunks side by side in memory, and each append updates the output's size.
struct alignas(64) Chunk {
  std::size_t first_number = 0;      ///< the 1-based number of lines[0]
  std::string text;                  ///< the kept bytes of the lines, one after the other
  std::vector<ChunkLine> lines;      ///< in input order
  OutputBuffer output;               ///< one line per input line, each ending in '\n', in input order
  std::vector<std::size_t> failed;   ///< the numbers of the lines that failed, in input order

  /// The kept bytes of line `index`.
  std::string_view line(std::size_t index) const noexcept { return std::string_view(text).substr(lines[index].offset, lines[index].size); }
};

}  // namespace forbear::cli
