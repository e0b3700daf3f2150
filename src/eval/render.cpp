#include "eval/render.hpp"

#include "io/json_number.hpp"

namespace forbear::detail {
namespace {

// Binding strength for parenthesising: higher binds tighter.
int precedence(Op op) {
  switch (op) {
    case Op::conditional: return 1;
    case Op::logical_or: return 2;
    case Op::logical_and: return 3;
    case Op::logical_not: return 4;
    case Op::equal:
    case Op::not_equal:
    case Op::less:
    case Op::less_equal:
    case Op::greater:
    case Op::greater_equal:
    case Op::member_of: return 5;
    case Op::add:
    case Op::subtract: return 6;
    case Op::multiply:
    case Op::divide: return 7;
    case Op::negate: return 8;
    default: return 9;
  }
}

const char* symbol(Op op) {
  switch (op) {
    case Op::logical_and: return "and";
    case Op::logical_or: return "or";
    case Op::add: return "+";
    case Op::subtract: return "-";
    case Op::multiply: return "*";
    case Op::divide: return "/";
    case Op::equal: return "==";
    case Op::not_equal: return "!=";
    case Op::less: return "<";
    case Op::less_equal: return "<=";
    case Op::greater: return ">";
    case Op::greater_equal: return ">=";
    default: return "?";
  }
}

// Walks an expression as written, handing `sink` each run of constant text (sink.text) and the
// place of each name's value (sink.value), so that the trace writer of the fast path and
// render_expr share one rendering.
template <class Sink>
void render_into(Sink& sink, const Program& program, ExprId id, int context) {
  const Expr& expr = program.exprs[id];
  const int own = precedence(expr.op);
  const bool parens = own < context;
  if (parens) sink.text("(");
  switch (expr.op) {
    case Op::literal:
      if (expr.spelling.empty()) sink.text(render_value(program, expr.literal, expr.type));
      else sink.text(expr.spelling);
      break;
    case Op::slot:
      sink.text(expr.spelling);
      sink.text(" (");
      sink.value(expr.slot, expr.type);
      sink.text(")");
      break;
    case Op::negate:
      sink.text("-");
      render_into(sink, program, expr.args[0], own + 1);  // -(-x), never --x
      break;
    case Op::logical_not:
      sink.text("not ");
      render_into(sink, program, expr.args[0], own);
      break;
    case Op::member_of:
      render_into(sink, program, expr.args[0], own + 1);
      sink.text(expr.negated ? " not in {" : " in {");
      for (std::size_t i = 1; i < expr.args.size(); ++i) {
        if (i > 1) sink.text(", ");
        render_into(sink, program, expr.args[i], 0);
      }
      sink.text("}");
      break;
    case Op::conditional:
      sink.text("if ");
      render_into(sink, program, expr.args[0], own + 1);
      sink.text(" then ");
      render_into(sink, program, expr.args[1], own + 1);
      sink.text(" else ");
      render_into(sink, program, expr.args[2], own);
      break;
    case Op::min:
    case Op::max:
    case Op::abs:
    case Op::ceil:
    case Op::floor:
    case Op::round:
    case Op::known:
      sink.text(expr.spelling);
      sink.text("(");
      for (std::size_t i = 0; i < expr.args.size(); ++i) {
        if (i > 0) sink.text(", ");
        render_into(sink, program, expr.args[i], 0);
      }
      sink.text(")");
      break;
    default: {  // binary operators: left-associative, but comparisons do not chain at all
      const bool comparison = own == precedence(Op::equal);
      render_into(sink, program, expr.args[0], comparison ? own + 1 : own);
      sink.text(" ");
      sink.text(symbol(expr.op));
      sink.text(" ");
      render_into(sink, program, expr.args[1], own + 1);
      break;
    }
  }
  if (parens) sink.text(")");
}

// render_expr's sink: the values of one evaluation, rendered in place.
struct RenderedValues {
  std::string& out;
  const Program& program;
  const std::vector<Value>& slots;

  void text(std::string_view constant) { out += constant; }
  void value(Slot slot, const Type& type) { out += render_value(program, slots[slot], type); }
};

// render_expr_parts's sink: forwards to the caller's ExprTextParts.
struct ForwardedParts {
  ExprTextParts& parts;

  void text(std::string_view constant) { parts.text(constant); }
  void value(Slot slot, const Type& type) { parts.value(slot, type); }
};

}  // namespace

std::string render_value(const Program& program, const Value& value, const Type& type) {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) return "unknown";
        else if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
        else if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(v);
        else if constexpr (std::is_same_v<T, Decimal>) return v.to_string();
        else if constexpr (std::is_same_v<T, std::string>) return nlohmann::json(v).dump();
        else {
          if (type.enum_id < program.enums.size() && v.index < program.enums[type.enum_id].members.size()) {
            return program.enums[type.enum_id].members[v.index];
          }
          return "#" + std::to_string(v.index);
        }
      },
      value);
}

nlohmann::json value_to_json(const Program& program, const Value& value, const Type& type) {
  return std::visit(
      [&](const auto& v) -> nlohmann::json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) return nullptr;
        else if constexpr (std::is_same_v<T, Decimal>) return decimal_to_json(v);
        else if constexpr (std::is_same_v<T, EnumMember>) return render_value(program, value, type);
        else return v;
      },
      value);
}

std::string render_expr(const Program& program, ExprId id, const std::vector<Value>& slots) {
  std::string out;
  RenderedValues sink{out, program, slots};
  render_into(sink, program, id, 0);
  return out;
}

void render_expr_parts(const Program& program, ExprId id, ExprTextParts& parts) {
  ForwardedParts sink{parts};
  render_into(sink, program, id, 0);
}

std::string render_template(const Program& program, const Template& text, const std::vector<Value>& slots) {
  std::string out;
  for (const auto& piece : text.pieces) {
    if (piece.slot == kNone) {
      out += piece.text;
      continue;
    }
    const Value& value = slots[piece.slot];
    if (!is_known(value)) {
      out += '?';
    } else if (const auto* s = std::get_if<std::string>(&value)) {
      out += *s;
    } else {
      out += render_value(program, value, program.values[piece.slot].type);
    }
  }
  return out;
}

LocalizedText render_label(const Program& program, const Label& label, const std::vector<Value>& slots) {
  LocalizedText text{render_template(program, label.zh, slots), render_template(program, label.en, slots)};
  if (label.zh.empty()) text.zh = text.en;
  if (label.en.empty()) text.en = text.zh;
  return text;
}

}  // namespace forbear::detail
