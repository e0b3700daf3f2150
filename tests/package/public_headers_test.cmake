# package.public_headers: every public header compiles on its own, with only the standard library
# and nlohmann::json, and pulls in no Boost (Boost is on the system include path here, so a header
# that included it would still compile: the Boost configuration macro gives it away). The C header
# compiles as strict C11 and as C++.
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

set(work ${WORK_DIR}/headers)
file(REMOVE_RECURSE ${work})
file(MAKE_DIRECTORY ${work})

set(include_flags -I${SOURCE_DIR}/include -I${BUILD_DIR}/include)
foreach(dir IN LISTS NLOHMANN_JSON_INCLUDE)
  list(APPEND include_flags -I${dir})
endforeach()

file(GLOB headers ${SOURCE_DIR}/include/forbear/*.hpp)
list(APPEND headers ${BUILD_DIR}/include/forbear/version.hpp)
foreach(header IN LISTS headers)
  get_filename_component(name ${header} NAME)
  get_filename_component(stem ${header} NAME_WE)
  file(WRITE ${work}/${stem}.cpp
    "#include <forbear/${name}>\n"
    "#if defined(BOOST_CONFIG_HPP) || defined(BOOST_VERSION) || defined(BOOST_SPIRIT_X3_HPP)\n"
    "#error \"forbear/${name} pulls in Boost\"\n"
    "#endif\n")
  run(${CXX_COMPILER} -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror ${include_flags} ${work}/${stem}.cpp)
  file(STRINGS ${header} boost_lines REGEX "[Bb][Oo][Oo][Ss][Tt]|[Ss][Pp][Ii][Rr][Ii][Tt]|x3::")
  if(boost_lines)
    message(FATAL_ERROR "forbear/${name} mentions Boost or Spirit:\n${boost_lines}")
  endif()
endforeach()

if(HAVE_C_API)
  file(WRITE ${work}/c_header.c "#include <forbear.h>\n")
  run(${C_COMPILER} -std=c11 -fsyntax-only -Wall -Wextra -pedantic -Werror -I${SOURCE_DIR}/bindings/c ${work}/c_header.c)
  file(WRITE ${work}/c_header.cpp "#include <forbear.h>\n")
  run(${CXX_COMPILER} -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror -I${SOURCE_DIR}/bindings/c ${work}/c_header.cpp)
endif()
list(LENGTH headers count)
message(STATUS "package.public_headers: ${count} headers, each alone, without Boost")
