# package.public_headers: no public header includes Boost, directly or through another header (the
# preprocessor's list of every file a header reads has none under boost/), or names Boost or Spirit;
# the C header compiles as strict C11 and as C++. That each C++ header compiles on its own is checked
# when the tests are built (target forbear_public_headers, see tests/package/CMakeLists.txt).
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

set(work ${WORK_DIR}/headers)
file(REMOVE_RECURSE ${work})
file(MAKE_DIRECTORY ${work})

file(GLOB headers ${SOURCE_DIR}/include/forbear/*.hpp ${SOURCE_DIR}/bindings/c/forbear.h)
list(APPEND headers ${BUILD_DIR}/include/forbear/version.hpp)
set(include_flags -I${SOURCE_DIR}/include -I${BUILD_DIR}/include)
foreach(dir IN LISTS NLOHMANN_JSON_INCLUDE)
  if(NOT dir MATCHES "^/usr(/local)?/include/?$")  # naming a system directory again breaks #include_next
    list(APPEND include_flags -isystem ${dir})
  endif()
endforeach()

foreach(header IN LISTS headers)
  get_filename_component(name ${header} NAME)
  if(name MATCHES "[.]hpp$")
    file(WRITE ${work}/unit.cpp "#include <forbear/${name}>\n")
    run(${CXX_COMPILER} -std=c++20 -M ${include_flags} ${work}/unit.cpp OUTPUT_VARIABLE dependencies)
    if(dependencies MATCHES "[^ ]*/boost/[^ ]*")
      message(FATAL_ERROR "forbear/${name} includes Boost: ${CMAKE_MATCH_0}")
    endif()
  endif()
  file(STRINGS ${header} boost_lines REGEX "[Bb][Oo][Oo][Ss][Tt]|[Ss][Pp][Ii][Rr][Ii][Tt]|x3::")
  if(boost_lines)
    message(FATAL_ERROR "${header} mentions Boost or Spirit:\n${boost_lines}")
  endif()
endforeach()

if(HAVE_C_API)
  file(WRITE ${work}/c_header.c "#include <forbear.h>\n")
  run(${C_COMPILER} -std=c11 -fsyntax-only -Wall -Wextra -pedantic -Werror -I${SOURCE_DIR}/bindings/c ${work}/c_header.c)
  file(WRITE ${work}/c_header.cpp "#include <forbear.h>\n")
  run(${CXX_COMPILER} -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror -I${SOURCE_DIR}/bindings/c ${work}/c_header.cpp)
endif()
list(LENGTH headers count)
message(STATUS "package.public_headers: ${count} headers, none includes or names Boost")
