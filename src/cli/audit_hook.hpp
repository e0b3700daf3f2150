#pragma once

// --audit-log for advise and batch: the log is opened once, and each advice is recorded before it
// is shown, so that no advice leaves forbear unrecorded.

#include <memory>
#include <string>
#include <string_view>

#include "cli/arguments.hpp"
#include "forbear/audit_log.hpp"

namespace forbear::cli {

/// The audit log asked for by --audit-log (with --audit-mask and --audit-drop), or null when none
/// was; on failure, null and `error` says why.
std::unique_ptr<AuditLog> open_audit_log(const Arguments& args, std::string& error);

/// Records one advice when `log` is not null. An error message when the record could not be
/// written, else "".
std::string audit(AuditLog* log, std::string_view case_json, const AdviceResult& result);

}  // namespace forbear::cli
