#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>
#include <pybind11/pybind11.h>

namespace forbear::python {

/// A Python value that has no JSON counterpart forbear accepts; the message says what was expected
/// and what was given, and where below the value converted ("at [1]['n']: ...").
struct ConversionError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Converts a value of a case given as Python values to JSON, exactly: None, bool, int (within the
/// signed 64-bit range), float, str, list or tuple, and dict with str keys. `level` is the value's
/// nesting level (the case itself is level 1, its facts level 2). Anything else, an int beyond 64
/// bits, a str that is not valid Unicode or a list or dict nested deeper than `max_depth` throws
/// ConversionError. Needs the GIL.
nlohmann::json from_python(pybind11::handle value, std::uint32_t level, std::uint32_t max_depth);

/// A dict key as UTF-8; throws ConversionError for a key that is not a str or not valid Unicode.
std::string key_from_python(pybind11::handle key);

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
