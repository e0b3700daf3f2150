# package.install: `cmake --install` of this build into a temporary prefix (no rebuild), then the
# installed tree used as a host application would use it. See tests/package/CMakeLists.txt.
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

set(work ${WORK_DIR}/install)
file(REMOVE_RECURSE ${work})
file(MAKE_DIRECTORY ${work})
set(prefix ${work}/prefix)
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

# The layout: every public header, the libraries, the package files, the shipped rules.
set(expected
  include/forbear/version.hpp
  ${LIBDIR}/libforbear.a ${LIBDIR}/libforbear.so
  ${LIBDIR}/cmake/forbear/forbearConfig.cmake ${LIBDIR}/cmake/forbear/forbearConfigVersion.cmake
  ${LIBDIR}/cmake/forbear/forbearTargets.cmake ${LIBDIR}/pkgconfig/forbear.pc
  share/forbear/rules/00_ruleset.rules share/forbear/rules/strategies.rules)
file(GLOB headers RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/include/forbear/*.hpp)
file(GLOB rule_tests RELATIVE ${SOURCE_DIR}/rules ${SOURCE_DIR}/rules/tests/*.tests)
list(TRANSFORM rule_tests PREPEND share/forbear/rules/)
list(APPEND expected ${headers} ${rule_tests})
if(HAVE_CLI)
  list(APPEND expected bin/forbear)
endif()
if(HAVE_C_API)
  list(APPEND expected include/forbear.h ${LIBDIR}/libforbear_c.so ${LIBDIR}/pkgconfig/forbear-c.pc)
endif()
foreach(file IN LISTS expected)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()

# Installed headers name no Boost or Spirit: consumers need neither.
file(GLOB_RECURSE installed_headers ${prefix}/include/*)
foreach(header IN LISTS installed_headers)
  file(STRINGS ${header} boost_lines REGEX "[Bb][Oo][Oo][Ss][Tt]|[Ss][Pp][Ii][Rr][Ii][Tt]|x3::")
  if(boost_lines)
    message(FATAL_ERROR "${header} mentions Boost or Spirit:\n${boost_lines}")
  endif()
endforeach()

# Everything is relative to the prefix: the tree still works once moved.
set(moved ${work}/moved)
file(RENAME ${prefix} ${moved})

# The installed command finds the installed rules by itself: a broken file dropped among them is
# reported under share/forbear/rules.
if(HAVE_CLI)
  set(probe ${moved}/share/forbear/rules/zz_probe.rules)
  file(WRITE ${probe} "this is not a rule\n")
  execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=FORBEAR_RULES ${moved}/bin/forbear check
                  WORKING_DIRECTORY ${work} RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
  expect_match("installed forbear check with a broken file" "${status}: ${output}"
               "^1: moved/share/forbear/rules/zz_probe.rules:1:1: error: ")
  file(REMOVE ${probe})
  run(${CMAKE_COMMAND} -E env --unset=FORBEAR_RULES ${moved}/bin/forbear check WORKING_DIRECTORY ${work})
endif()

set(case_file ${SOURCE_DIR}/examples/cases/xiaowang.json)

# find_package: examples/consumer against the moved prefix, linked shared and static.
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/consumer -B ${work}/consumer
    -DCMAKE_PREFIX_PATH=${moved} -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_BUILD_TYPE=
    "-DCMAKE_CXX_FLAGS=${SANITIZER_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${SANITIZER_FLAGS}")
run(${CMAKE_COMMAND} --build ${work}/consumer -j2)
foreach(program IN ITEMS consumer consumer_static)
  run(${work}/consumer/${program} ${case_file} OUTPUT_VARIABLE output)
  expect_match("examples/consumer (${program})" "${output}" "^forbear [0-9.]+, rules overdue_advisor [^\n]+\ntop: installment\n$")
endforeach()

# pkg-config: examples/advise_one_case.cpp built with `pkg-config --cflags --libs forbear`, on the
# rules the .pc file names (rulesdir); examples/c/advise.c with forbear-c.
set(ENV{PKG_CONFIG_PATH} ${moved}/${LIBDIR}/pkgconfig)
run(pkg-config --modversion forbear OUTPUT_VARIABLE version)
run(pkg-config --variable=rulesdir forbear OUTPUT_VARIABLE rules_dir)
string(STRIP "${rules_dir}" rules_dir)
run(pkg-config --cflags --libs forbear OUTPUT_VARIABLE flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
run(${CXX_COMPILER} -std=c++20 ${SANITIZER_FLAGS} ${SOURCE_DIR}/examples/advise_one_case.cpp ${flags}
    -Wl,-rpath,${moved}/${LIBDIR} -o ${work}/advise_one_case)
run(${work}/advise_one_case ${rules_dir} ${case_file} OUTPUT_VARIABLE output)
expect_match("advise_one_case built with pkg-config" "${output}" "^rules: overdue_advisor [^\n]+\ntop: installment ")

if(HAVE_C_API)
  run(pkg-config --cflags --libs forbear-c OUTPUT_VARIABLE flags)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  run(${C_COMPILER} -std=c11 -Wall -Wextra -pedantic -Werror ${SANITIZER_FLAGS} ${SOURCE_DIR}/examples/c/advise.c
      ${flags} -Wl,-rpath,${moved}/${LIBDIR} -o ${work}/advise_c)
  run(${work}/advise_c ${rules_dir} ${case_file} OUTPUT_VARIABLE output)
  expect_match("examples/c/advise.c built with pkg-config" "${output}" "^rules: overdue_advisor [^\n]+\ntop: installment\n")
  # The C library exports the C API and nothing else.
  run(nm -D --defined-only ${moved}/${LIBDIR}/libforbear_c.so OUTPUT_VARIABLE symbols)
  string(REGEX MATCHALL "[^\n]+" exported "${symbols}")
  foreach(line IN LISTS exported)
    if(NOT line MATCHES " forbear_[a-z0-9_]+$")
      message(FATAL_ERROR "libforbear_c.so exports more than the C API: ${line}")
    endif()
  endforeach()
endif()
message(STATUS "package.install: installed, moved, and used through the command, find_package and pkg-config (${version})")
