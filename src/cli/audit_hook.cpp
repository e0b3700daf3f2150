#include "cli/audit_hook.hpp"

#include <exception>

namespace forbear::cli {

std::unique_ptr<AuditLog> open_audit_log(const Arguments& args, std::string& error) {
  if (!args.audit_log) return nullptr;
  AuditOptions options;
  options.mask = args.audit_mask;
  options.drop = args.audit_drop;
  try {
    return std::make_unique<AuditLog>(*args.audit_log, options);
  } catch (const std::exception& e) {
    error = e.what();
    return nullptr;
  }
}

std::string audit(AuditLog* log, std::string_view case_json, const AdviceResult& result) {
  if (!log) return "";
  try {
    log->record(case_json, result);
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

}  // namespace forbear::cli
