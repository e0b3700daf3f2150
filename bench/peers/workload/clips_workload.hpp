#pragma once

#include <filesystem>

#include "peer_case.hpp"

namespace forbear::peers {

/// The workload run by CLIPS 6.30, linked in process: one environment with the constructs of
/// bench/peers/clips/peer_workload.clp; per case (reset), one `case` fact asserted through the C API,
/// (run), and the `score`, `fired` and `top` facts read back.
class ClipsWorkload {
 public:
  /// Creates the environment and loads the file; throws std::runtime_error when CLIPS refuses it.
  explicit ClipsWorkload(const std::filesystem::path& clp_file);
  ~ClipsWorkload();
  ClipsWorkload(const ClipsWorkload&) = delete;
  ClipsWorkload& operator=(const ClipsWorkload&) = delete;

  /// Evaluates one case. Not thread-safe (one CLIPS environment).
  PeerOutcome evaluate(const PeerCase& c);

 private:
  void* env_ = nullptr;
  void* case_template_ = nullptr;
  void* score_template_ = nullptr;
  void* fired_template_ = nullptr;
  void* top_template_ = nullptr;
};

}  // namespace forbear::peers
