#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>
#include <pybind11/pybind11.h>

namespace forbear::python {

/// A Python value that has no JSON counterpart forbear accepts. `field` is the case's top-level
/// key it sits under ("" for the case itself), `message` says what was expected and what was given.
struct ConversionError : std::runtime_error {
  ConversionError(std::string field, const std::string& message) : std::runtime_error(message), field(std::move(field)) {}
  std::string field;
};

/// Converts a case given as Python values to JSON, exactly: None, bool, int (within the signed
/// 64-bit range), float, str, list or tuple, and dict with str keys. Anything else, an int beyond
/// 64 bits, a str that is not valid Unicode or nesting deeper than `max_depth` (the value itself
/// being level 1) throws ConversionError. Needs the GIL.
nlohmann::json from_python(pybind11::handle value, std::uint32_t max_depth);

/// Converts JSON to plain Python values: dict (keys in the JSON's order), list, str, int, float,
/// bool and None. Needs the GIL.
pybind11::object to_python(const nlohmann::json& value);

/// As to_python(const nlohmann::json&), for the ordered JSON of results.
pybind11::object to_python(const nlohmann::ordered_json& value);

/// UTF-8 text from forbear as a Python str; should a byte not be UTF-8, it becomes U+FFFD rather
/// than an exception. Needs the GIL.
pybind11::object text_to_python(const std::string& text);

/// A file path from forbear as a Python str, decoded as os.fsdecode does (bytes that are not
/// UTF-8 become surrogates, so that os.fsencode gives the path back). Needs the GIL.
pybind11::object path_to_python(const std::string& path);

}  // namespace forbear::python
