#include "audit/exact_object.hpp"

#include <vector>

namespace forbear::detail {
namespace {

using Json = nlohmann::ordered_json;

// Builds nothing: only follows the nesting to note the text of each number at the wanted level.
class NumberTextCollector : public nlohmann::json_sax<Json> {
 public:
  NumberTextCollector(std::string_view member, NumberTexts& numbers) : member_(member), numbers_(numbers) {}

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t& text) override {
    if (at_wanted_level()) numbers_[key_] = text;
    return true;
  }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    keys_.push_back(key_);
    key_.clear();
    return true;
  }
  bool key(string_t& name) override {
    key_ = name;
    return true;
  }
  bool end_object() override {
    key_ = keys_.back();
    keys_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    keys_.push_back(key_);
    key_.clear();
    arrays_.push_back(keys_.size());
    return true;
  }
  bool end_array() override {
    arrays_.pop_back();
    key_ = keys_.back();
    keys_.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  // Inside the wanted object, directly (not in an array or object nested in one of its members).
  bool at_wanted_level() const {
    const bool in_array = !arrays_.empty() && arrays_.back() == keys_.size();
    if (in_array) return false;
    if (member_.empty()) return keys_.size() == 1;
    return keys_.size() == 2 && keys_[1] == member_;
  }

  std::string_view member_;
  NumberTexts& numbers_;
  std::string key_;
  std::vector<std::string> keys_;  // the key each open object or array was opened under
  std::vector<std::size_t> arrays_;  // depth of each open array
};

}  // namespace

std::optional<Json> read_exact(std::string_view text, std::string_view member, NumberTexts& numbers, std::string& error) {
  try {
    Json value = Json::parse(text);
    NumberTextCollector collector(member, numbers);
    Json::sax_parse(text, &collector);
    return value;
  } catch (const nlohmann::json::exception& e) {
    error = e.what();
    const auto detail = error.find("] ");
    if (detail != std::string::npos) error = error.substr(detail + 2);
    return std::nullopt;
  }
}

std::string write_exact(const Json& object, const NumberTexts& numbers, const MemberText& member_text) {
  std::string out = "{";
  for (const auto& [name, value] : object.items()) {
    const auto number = numbers.find(name);
    std::string exact = value.is_number_float() && number != numbers.end()
                            ? number->second
                            : value.dump(-1, ' ', false, Json::error_handler_t::replace);
    const auto written = member_text(name, std::move(exact));
    if (!written) continue;
    if (out.size() > 1) out += ',';
    out += Json(name).dump(-1, ' ', false, Json::error_handler_t::replace);
    out += ':';
    out += *written;
  }
  return out + "}";
}

}  // namespace forbear::detail
