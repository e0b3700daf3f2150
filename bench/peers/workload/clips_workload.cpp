#include "clips_workload.hpp"

#include <stdexcept>
#include <string>

extern "C" {
#include <clips/clips.h>
}

namespace forbear::peers {

namespace {

void* find_template(void* env, const char* name) {
  void* found = EnvFindDeftemplate(env, name);
  if (found == nullptr) throw std::runtime_error(std::string("CLIPS: no deftemplate ") + name);
  return found;
}

void put_integer(void* env, void* fact, const char* slot, long long value) {
  DATA_OBJECT data;
  SetType(data, INTEGER);
  SetValue(data, EnvAddLong(env, value));
  EnvPutFactSlot(env, fact, slot, &data);
}

void put_symbol(void* env, void* fact, const char* slot, std::string_view value) {
  DATA_OBJECT data;
  SetType(data, SYMBOL);
  SetValue(data, EnvAddSymbol(env, std::string(value).c_str()));
  EnvPutFactSlot(env, fact, slot, &data);
}

void put_bool(void* env, void* fact, const char* slot, bool value) {
  DATA_OBJECT data;
  SetType(data, SYMBOL);
  SetValue(data, value ? EnvTrueSymbol(env) : EnvFalseSymbol(env));
  EnvPutFactSlot(env, fact, slot, &data);
}

std::string_view symbol_slot(void* env, void* fact, const char* slot) {
  DATA_OBJECT data;
  EnvGetFactSlot(env, fact, slot, &data);
  if (GetType(data) != SYMBOL) throw std::runtime_error(std::string("CLIPS: slot ") + slot + " is not a symbol");
  return DOToString(data);
}

}  // namespace

ClipsWorkload::ClipsWorkload(const std::filesystem::path& clp_file) {
  env_ = CreateEnvironment();
  if (env_ == nullptr) throw std::runtime_error("CLIPS: cannot create an environment");
  // CLIPS prints its own parse errors; a file that does not load is refused here.
  if (EnvLoad(env_, clp_file.c_str()) != 1) {
    DestroyEnvironment(env_);
    throw std::runtime_error("CLIPS: cannot load " + clp_file.string());
  }
  case_template_ = find_template(env_, "case");
  score_template_ = find_template(env_, "score");
  fired_template_ = find_template(env_, "fired");
  top_template_ = find_template(env_, "top");
  EnvReset(env_);
}

ClipsWorkload::~ClipsWorkload() { DestroyEnvironment(env_); }

PeerOutcome ClipsWorkload::evaluate(const PeerCase& c) {
  EnvReset(env_);
  void* fact = EnvCreateFact(env_, case_template_);
  put_integer(env_, fact, "days_overdue", c.days_overdue);
  {
    DATA_OBJECT amount;  // a double, as JSON readers hold it
    SetType(amount, FLOAT);
    SetValue(amount, EnvAddDouble(env_, c.amount()));
    EnvPutFactSlot(env_, fact, "amount", &amount);
  }
  put_symbol(env_, fact, "hardship", hardship_names[static_cast<std::size_t>(c.hardship)]);
  put_bool(env_, fact, "has_proof", c.has_proof);
  put_symbol(env_, fact, "credit_history", credit_history_names[static_cast<std::size_t>(c.credit_history)]);
  put_integer(env_, fact, "prior_defaults", c.prior_defaults);
  put_integer(env_, fact, "monthly_income", c.monthly_income);
  put_integer(env_, fact, "monthly_expenses", c.monthly_expenses);
  put_bool(env_, fact, "platform_allows_installment", c.platform_allows_installment);
  put_bool(env_, fact, "platform_allows_waiver", c.platform_allows_waiver);
  put_integer(env_, fact, "contacted_before", c.contacted_before);
  put_integer(env_, fact, "collection_calls_per_day", c.collection_calls_per_day);
  if (EnvAssert(env_, fact) == nullptr) throw std::runtime_error("CLIPS: the case fact was refused");
  EnvRun(env_, -1);

  PeerOutcome outcome;
  for (void* f = EnvGetNextFactInTemplate(env_, score_template_, nullptr); f != nullptr;
       f = EnvGetNextFactInTemplate(env_, score_template_, f)) {
    const int index = strategy_index(symbol_slot(env_, f, "strategy"));
    if (index < 0) throw std::runtime_error("CLIPS: unknown strategy in a score fact");
    DATA_OBJECT value;
    EnvGetFactSlot(env_, f, "value", &value);
    outcome.scores[static_cast<std::size_t>(index)] = DOToLong(value);
  }
  for (void* f = EnvGetNextFactInTemplate(env_, fired_template_, nullptr); f != nullptr;
       f = EnvGetNextFactInTemplate(env_, fired_template_, f)) {
    const int index = rule_index(symbol_slot(env_, f, "rule"));
    if (index < 0) throw std::runtime_error("CLIPS: unknown rule in a fired fact");
    outcome.fired |= 1u << index;
  }
  void* top = EnvGetNextFactInTemplate(env_, top_template_, nullptr);
  if (top == nullptr) throw std::runtime_error("CLIPS: no top fact");
  const std::string_view top_name = symbol_slot(env_, top, "strategy");
  outcome.top = top_name == "none" ? -1 : strategy_index(top_name);
  return outcome;
}

}  // namespace forbear::peers
