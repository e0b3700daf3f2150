// The audit log: each advice is recorded, one JSON line, before it is shown. The income is personal:
// it is masked, and so are the outputs computed from it, which would give it away.
//
//   audit_log RULES_DIR CASE.json LOG.jsonl
//
// Review the log later against changed rules with `forbear replay --rules CHANGED LOG.jsonl`: a
// record whose advice depends on the masked income is reported as one that cannot be replayed.

#include <fstream>
#include <iostream>
#include <sstream>

#include <forbear/audit_log.hpp>
#include <forbear/forbear.hpp>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: audit_log RULES_DIR CASE.json LOG.jsonl\n";
    return 2;
  }
  const auto loaded = forbear::load_rules({argv[1]});
  if (!loaded.ok()) {
    std::cerr << loaded.rendered_diagnostics();
    return 1;
  }
  std::stringstream case_json;
  case_json << std::ifstream(argv[2]).rdbuf();
  const auto parsed = forbear::parse_case_json(*loaded.rules, case_json.str());
  if (!parsed.ok()) {
    std::cerr << parsed.errors.front().message << '\n';
    return 2;
  }

  forbear::AuditOptions options;
  options.mask = {"monthly_income", "plan_monthly", "plan_months", "plan_last_payment"};  // logged as {"masked": true}
  options.durability = forbear::AuditDurability::data_sync;  // survives a power cut, not only a crash
  forbear::AuditLog log(argv[3], options);

  const auto advice = forbear::advise(*loaded.rules, *parsed.value);
  log.record(case_json.str(), advice);  // throws when it cannot be written: no advice goes out unrecorded
  std::cout << "recorded in " << argv[3] << ", top: " << advice.strategies.front().id << '\n';
  return 0;
}
