#include "model/program.hpp"

namespace forbear::detail {

std::string Program::location(const SourceSpan& span) const {
  if (span.file >= sources.size()) return {};
  const auto where = locate(sources[span.file].text, span.begin);
  return sources[span.file].path + ":" + std::to_string(where.line);
}

std::string Program::type_name(const Type& type) const {
  switch (type.base) {
    case BaseType::boolean: return "bool";
    case BaseType::integer: return "int";
    case BaseType::number: return "number";
    case BaseType::text: return "text";
    case BaseType::any: return "unknown";
    case BaseType::invalid: return "invalid";
    case BaseType::enumeration: {
      std::string name = "enum(";
      const auto& members = enums[type.enum_id].members;
      for (std::size_t i = 0; i < members.size(); ++i) name += (i ? ", " : "") + members[i];
      return name + ")";
    }
  }
  return "invalid";
}

}  // namespace forbear::detail
