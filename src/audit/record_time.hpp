#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "forbear/audit_log.hpp"

namespace forbear::detail {

/// UTC ISO-8601 with milliseconds: "2026-01-31T08:15:02.042Z".
std::string utc_timestamp(std::chrono::system_clock::time_point time);

/// An audit record from just after its "time" member to its closing brace: the log writes the
/// time when it holds the file, so that times rise down the file.
std::string audit_record_body(std::string_view facts_json, const AdviceResult& result, const AuditOptions& options);

}  // namespace forbear::detail
