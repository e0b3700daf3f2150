#include "reload/file_fingerprint.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

#include "util/sha256.hpp"

namespace forbear::detail {
namespace {

namespace fs = std::filesystem;

// Adds one file's name and bytes (or the fact that it cannot be read) to the digest.
void add_file(Sha256& digest, const std::string& path) {
  digest.update(path);
  digest.update(std::string_view("\0", 1));
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    digest.update("<unreadable>");
  } else {
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    digest.update(std::to_string(bytes.size()));
    digest.update(std::string_view("\0", 1));
    digest.update(bytes);
  }
  digest.update(std::string_view("\0", 1));
}

}  // namespace

std::string rule_files_fingerprint(const std::vector<fs::path>& paths, const std::vector<std::string>& also) {
  std::set<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      files.insert(path.string());
      continue;
    }
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() == ".rules") files.insert(it->path().string());
    }
    if (ec) files.insert(path.string() + "/<unlistable>");
  }
  files.insert(also.begin(), also.end());
  Sha256 digest;
  for (const auto& file : files) add_file(digest, file);
  return to_hex(digest.finish());
}

}  // namespace forbear::detail
