#pragma once

#include <string>
#include <vector>

#include "forbear/advice.hpp"
#include "model/program.hpp"

namespace forbear::detail {

/// Evaluates typed expressions over a slot array with three-valued logic. Arithmetic faults
/// (division by zero, overflow) give unknown and are recorded with the name being evaluated.
class Evaluator {
 public:
  Evaluator(const Program& program, const std::vector<Value>& slots, std::vector<Fault>& faults)
      : program_(program), slots_(slots), faults_(faults) {}

  /// The value of expression `id`; `owner` names the rule or value it belongs to, for faults.
  Value evaluate(ExprId id, const std::string& owner);

 private:
  Value eval(ExprId id);
  Value arithmetic(const Expr& expr, const Value& lhs, const Value& rhs);
  Value compare(const Expr& expr, const Value& lhs, const Value& rhs);
  Value call(const Expr& expr);
  Value fault(const Expr& expr, ArithmeticError error);

  const Program& program_;
  const std::vector<Value>& slots_;
  std::vector<Fault>& faults_;
  const std::string* owner_ = nullptr;
};

}  // namespace forbear::detail
