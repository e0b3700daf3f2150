# package.subproject: configures tests/package/subproject, a parent project that adds forbear's
# source tree with add_subdirectory and then with FetchContent; the parent's CMakeLists.txt checks
# what forbear brought in. Configuring is the test (building would compile the whole library again);
# FORBEAR_PACKAGE_TEST_BUILD=1 in the environment also builds the parent's program and runs it.
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

foreach(mode IN ITEMS add_subdirectory fetchcontent)
  set(work ${WORK_DIR}/subproject-${mode})
  file(REMOVE_RECURSE ${work})
  run(${CMAKE_COMMAND} -S ${CMAKE_CURRENT_LIST_DIR}/subproject -B ${work} -DMODE=${mode}
      -DFORBEAR_SOURCE_DIR=${SOURCE_DIR} -DCMAKE_CXX_COMPILER=${CXX_COMPILER} OUTPUT_VARIABLE output)
  expect_match("configuring the parent (${mode})" "${output}" "only its libraries, nothing leaked")
  if("$ENV{FORBEAR_PACKAGE_TEST_BUILD}" STREQUAL "1")
    run(${CMAKE_COMMAND} --build ${work} -j2 --target parent_app)
    run(${work}/parent_app ${SOURCE_DIR}/rules ${SOURCE_DIR}/examples/cases/xiaowang.json OUTPUT_VARIABLE output)
    expect_match("the parent's program (${mode})" "${output}" "top: installment ")
  endif()
endforeach()
