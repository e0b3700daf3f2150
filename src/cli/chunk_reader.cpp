#include "cli/chunk_reader.hpp"

#include <algorithm>
#include <cstring>

namespace forbear::cli {

ChunkReader::ChunkReader(std::istream& in, std::size_t keep) : in_(*in.rdbuf()), keep_(keep), block_(1 << 16) {}

// True when a byte is waiting (reads another block when the last one is used up).
bool ChunkReader::fill() {
  if (at_ < end_) return true;
  at_ = 0;
  end_ = static_cast<std::size_t>(std::max<std::streamsize>(0, in_.sgetn(block_.data(), static_cast<std::streamsize>(block_.size()))));
  return end_ > 0;
}

bool ChunkReader::read(Chunk& chunk, std::size_t max_lines, std::size_t max_bytes) {
  chunk.text.clear();
  chunk.lines.clear();
  chunk.output.clear();
  chunk.failed.clear();
  chunk.first_number = count_ + 1;
  while (chunk.lines.size() < max_lines && chunk.text.size() < max_bytes && fill()) {
    ChunkLine line;
    line.offset = chunk.text.size();
    for (;;) {
      const char* begin = block_.data() + at_;
      const char* newline = static_cast<const char*>(std::memchr(begin, '\n', end_ - at_));
      const std::size_t size = newline ? static_cast<std::size_t>(newline - begin) : end_ - at_;
      // Keep at most keep + 1 bytes (one more than the limit, to tell).
      if (line.length <= keep_) {
        const std::size_t kept = std::min(size, keep_ + 1 - line.length);
        chunk.text.append(begin, kept);
        line.size += kept;
      }
      line.length += size;
      at_ += size;
      if (newline) {
        ++at_;
        break;
      }
      if (!fill()) break;
    }
    if (line.length <= keep_ + 1 && line.size > 0 && chunk.text.back() == '\r') {
      chunk.text.pop_back();
      --line.size;
      --line.length;
    }
    chunk.lines.push_back(line);
    ++count_;
  }
  return !chunk.lines.empty();
}

}  // namespace forbear::cli
