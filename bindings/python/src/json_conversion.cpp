// Python values <-> JSON, written out by hand rather than through a generic caster: ints must stay
// ints (never pass through a double), and every value JSON cannot hold must be refused by name.

#include "json_conversion.hpp"

#include <limits>

namespace py = pybind11;

namespace forbear::python {
namespace {

constexpr const char* kAccepted = "None, bool, int, float, str, list, tuple or dict";

std::string type_name(py::handle value) { return Py_TYPE(value.ptr())->tp_name; }

// The Python error just raised (and cleared), as text: why a str could not be encoded.
std::string take_python_error() {
  py::error_already_set error;
  return error.what();
}

// The int's digits when they are few, else its size: str() of a huge int is slow, and refused
// beyond 4,300 digits by Python itself.
std::string describe_int(py::handle value) {
  const auto bits = value.attr("bit_length")().cast<long long>();
  if (bits > 128) return "an int of " + std::to_string(bits) + " bits";
  return py::str(value).cast<std::string>();
}

// A str's UTF-8 bytes; a str that has none (a lone surrogate, as from a bad decode) is refused.
std::string utf8_of(py::handle text) {
  Py_ssize_t size = 0;
  const char* bytes = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
  if (bytes == nullptr) throw ConversionError("expected a str that is valid Unicode, got one that is not: " + take_python_error());
  return std::string(bytes, static_cast<std::size_t>(size));
}

// Converts one value recursively, keeping the path below it for messages; recursion is bounded by
// max_depth (a list that holds itself ends there too).
class Converter {
 public:
  explicit Converter(std::uint32_t max_depth) : max_depth_(max_depth) {}

  nlohmann::json convert(py::handle value, std::uint32_t depth) {
    PyObject* object = value.ptr();
    if (object == Py_None) return nullptr;
    if (PyBool_Check(object)) return object == Py_True;
    if (PyLong_Check(object)) return integer(value);
    if (PyFloat_Check(object)) return PyFloat_AS_DOUBLE(object);
    if (PyUnicode_Check(object)) return text(value);
    if (PyList_Check(object) || PyTuple_Check(object)) {
      if (depth > max_depth_) fail(too_deep());
      nlohmann::json array = nlohmann::json::array();
      const py::sequence items = py::reinterpret_borrow<py::sequence>(value);
      for (std::size_t i = 0; i < items.size(); ++i) {
        path_.push_back("[" + std::to_string(i) + "]");
        array.push_back(convert(items[i], depth + 1));
        path_.pop_back();
      }
      return array;
    }
    if (PyDict_Check(object)) {
      if (depth > max_depth_) fail(too_deep());
      nlohmann::json members = nlohmann::json::object();
      for (const auto& [key, member] : py::reinterpret_borrow<py::dict>(value)) {
        if (!PyUnicode_Check(key.ptr())) fail("expected str keys, got a key of type " + type_name(key));
        const std::string name = text(key);
        path_.push_back("[" + py::repr(key).cast<std::string>() + "]");
        members[name] = convert(member, depth + 1);
        path_.pop_back();
      }
      return members;
    }
    // numpy.int64 and other integer types that are not int subclasses declare themselves by __index__.
    if (PyIndex_Check(object)) {
      const auto index = py::reinterpret_steal<py::object>(PyNumber_Index(object));
      if (!index) fail("cannot read " + type_name(value) + " as an int: " + take_python_error());
      return integer(index);
    }
    fail("expected " + std::string(kAccepted) + ", got " + type_name(value));
  }

 private:
  [[noreturn]] void fail(const std::string& problem) const {
    std::string where;
    for (const auto& step : path_) where += step;
    throw ConversionError(where.empty() ? problem : "at " + where + ": " + problem);
  }

  std::string too_deep() const { return "nested deeper than " + std::to_string(max_depth_) + " levels (the limit)"; }

  nlohmann::json integer(py::handle value) const {
    int overflow = 0;
    const long long number = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
    if (overflow != 0) {
      fail("expected an int within the signed 64-bit range (" + std::to_string(std::numeric_limits<std::int64_t>::min()) +
           " to " + std::to_string(std::numeric_limits<std::int64_t>::max()) + "), got " + describe_int(value));
    }
    if (number == -1 && PyErr_Occurred()) fail("cannot read int: " + take_python_error());
    return static_cast<std::int64_t>(number);
  }

  std::string text(py::handle value) const {
    try {
      return utf8_of(value);
    } catch (const ConversionError& error) {
      fail(error.what());
    }
  }

  std::uint32_t max_depth_;
  std::vector<std::string> path_;
};

template <typename Json>
py::object json_to_python(const Json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null: return py::none();
    case nlohmann::json::value_t::boolean: return py::bool_(value.template get<bool>());
    case nlohmann::json::value_t::number_integer: return py::int_(value.template get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: return py::int_(value.template get<std::uint64_t>());
    case nlohmann::json::value_t::number_float: return py::float_(value.template get<double>());
    case nlohmann::json::value_t::string: return text_to_python(value.template get_ref<const std::string&>());
    case nlohmann::json::value_t::array: {
      py::list list(value.size());
      std::size_t i = 0;
      for (const auto& element : value) list[i++] = json_to_python(element);
      return list;
    }
    case nlohmann::json::value_t::object: {
      py::dict dict;
      for (const auto& [key, member] : value.items()) dict[text_to_python(key)] = json_to_python(member);
      return dict;
    }
    case nlohmann::json::value_t::binary: {
      const auto& bytes = value.get_binary();
      return py::bytes(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    }
    default: return py::none();  // discarded: never part of a parsed or built value
  }
}

}  // namespace

nlohmann::json from_python(py::handle value, std::uint32_t level, std::uint32_t max_depth) {
  return Converter(max_depth).convert(value, level);
}

std::string key_from_python(py::handle key) {
  if (!PyUnicode_Check(key.ptr())) throw ConversionError("expected str keys, got a key of type " + type_name(key));
  return utf8_of(key);
}

py::object to_python(const nlohmann::json& value) { return json_to_python(value); }

py::object to_python(const nlohmann::ordered_json& value) { return json_to_python(value); }

py::object text_to_python(const std::string& text) {
  PyObject* decoded = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "replace");
  if (decoded == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(decoded);
}

py::object path_to_python(const std::string& path) {
  PyObject* decoded = PyUnicode_DecodeFSDefaultAndSize(path.data(), static_cast<Py_ssize_t>(path.size()));
  if (decoded == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(decoded);
}

}  // namespace forbear::python
