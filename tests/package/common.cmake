# Shared by the package tests (tests/package/*_test.cmake).

# Runs a command; on failure prints what it said and stops the test. Extra options:
#   WORKING_DIRECTORY dir, OUTPUT_VARIABLE var (stdout and stderr together).
function(run)
  cmake_parse_arguments(RUN "" "WORKING_DIRECTORY;OUTPUT_VARIABLE" "" ${ARGN})
  if(NOT RUN_WORKING_DIRECTORY)
    set(RUN_WORKING_DIRECTORY ${WORK_DIR})
  endif()
  execute_process(COMMAND ${RUN_UNPARSED_ARGUMENTS} WORKING_DIRECTORY ${RUN_WORKING_DIRECTORY}
                  RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT status EQUAL 0)
    list(JOIN RUN_UNPARSED_ARGUMENTS " " command)
    message(FATAL_ERROR "failed (${status}): ${command}\n${output}")
  endif()
  if(RUN_OUTPUT_VARIABLE)
    set(${RUN_OUTPUT_VARIABLE} "${output}" PARENT_SCOPE)
  endif()
endfunction()

# Fails unless `text` matches `regex`.
function(expect_match what text regex)
  if(NOT text MATCHES "${regex}")
    message(FATAL_ERROR "${what}: expected to match\n  ${regex}\ngot:\n${text}")
  endif()
endfunction()

# The main build's sanitizers apply to everything built against it (the libraries need their runtime).
set(SANITIZER_FLAGS "")
if(SANITIZE)
  set(SANITIZER_FLAGS -fsanitize=${SANITIZE})
endif()
