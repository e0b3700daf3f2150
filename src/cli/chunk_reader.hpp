#pragma once

// Reads `forbear batch`'s input into chunks of whole lines, with lines of any length but without
// keeping more than a bound of bytes of any one line.

#include <cstddef>
#include <istream>
#include <vector>

#include "cli/batch_chunk.hpp"

namespace forbear::cli {

class ChunkReader {
 public:
  /// Reads from `in`; keeps at most `keep` + 1 bytes of a line (one more than the limit, to tell).
  ChunkReader(std::istream& in, std::size_t keep);

  /// Fills `chunk` (its input, output and failures emptied first) with the next lines: at most
  /// `max_lines`, and no more once its kept bytes reach `max_bytes`. False, with the chunk empty, at
  /// the end of the input. A last line without '\n' is a line; the end of the input right after a
  /// '\n' is not. A line's "\r\n" end is taken off too.
  bool read(Chunk& chunk, std::size_t max_lines, std::size_t max_bytes);

 private:
  bool fill();

  std::streambuf& in_;
  std::size_t keep_;
  std::vector<char> block_;
  std::size_t at_ = 0;
  std::size_t end_ = 0;
  std::size_t count_ = 0;  // lines read so far
};

}  // namespace forbear::cli
