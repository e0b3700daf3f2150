// audit_record(): one advice as one line of JSON (docs/en/audit-log.md).

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "audit/decision_summary.hpp"
#include "audit/exact_object.hpp"
#include "audit/record_time.hpp"
#include "forbear/audit_log.hpp"

namespace forbear {
namespace {

using Json = nlohmann::ordered_json;

std::string compact(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

bool listed(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The case's facts as given, masked and dropped fields aside.
std::string facts_text(std::string_view facts_json, const AuditOptions& options) {
  detail::NumberTexts numbers;
  std::string error;
  const auto facts = detail::read_exact(facts_json, "", numbers, error);
  if (!facts) throw std::invalid_argument("audit log: the case is not JSON: " + error);
  if (!facts->is_object()) throw std::invalid_argument("audit log: the case is not a JSON object");
  const std::string marker = compact(detail::masked_marker());
  return detail::write_exact(*facts, numbers, [&](const std::string& name, std::string exact) -> std::optional<std::string> {
    if (listed(options.drop, name)) return std::nullopt;
    if (listed(options.mask, name)) return marker;
    return exact;
  });
}

}  // namespace

namespace detail {

std::string utc_timestamp(std::chrono::system_clock::time_point time) {
  const auto since_epoch = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
  auto seconds = static_cast<std::time_t>(since_epoch / 1000);
  auto millis = since_epoch % 1000;
  if (millis < 0) {
    millis += 1000;
    --seconds;
  }
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", text, static_cast<int>(millis));
  return out;
}

std::string audit_record_body(std::string_view facts_json, const AdviceResult& result, const AuditOptions& options) {
  const Json ruleset = {{"name", result.ruleset.name}, {"version", result.ruleset.version}, {"sha256", result.ruleset.sha256}};
  const auto fired = fired_rules(result);
  std::string out = ",\"ruleset\":" + compact(ruleset);
  out += ",\"facts\":" + facts_text(facts_json, options);
  out += ",\"masked\":" + compact(Json(options.mask));
  out += ",\"dropped\":" + compact(Json(options.drop));
  out += ",\"result\":" + compact(decision_summary(result, options.mask, options.drop));
  out += ",\"fired\":" + compact(Json(std::vector<std::string>(fired.begin(), fired.end())));
  return out + "}";
}

}  // namespace detail

std::string audit_record(std::string_view facts_json, const AdviceResult& result, const AuditOptions& options,
                         std::chrono::system_clock::time_point time) {
  return "{\"time\":\"" + detail::utc_timestamp(time) + "\"" + detail::audit_record_body(facts_json, result, options);
}

}  // namespace forbear
