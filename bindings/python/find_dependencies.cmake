# What the Python module needs: a Python 3 interpreter with its development files, and pybind11.
# Sets FORBEAR_PYTHON_DEPENDENCIES_FOUND. The interpreter is Debian's /usr/bin/python3 when it exists
# (the one with python3-pytest, python3-dask and python3-distributed), not whichever `python3` comes
# first on PATH, unless Python3_EXECUTABLE is given: the module's ABI suffix
# (.cpython-311-x86_64-linux-gnu.so) follows that interpreter.
if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "The Python interpreter the forbear module is built for")
endif()
find_package(Python3 3.8 QUIET COMPONENTS Interpreter Development.Module)
if(Python3_FOUND)
  find_package(pybind11 2.10 CONFIG QUIET)
endif()
if(Python3_FOUND AND pybind11_FOUND)
  set(FORBEAR_PYTHON_DEPENDENCIES_FOUND ON)
else()
  set(FORBEAR_PYTHON_DEPENDENCIES_FOUND OFF)
endif()
