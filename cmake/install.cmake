# Install rules (FORBEAR_INSTALL, on when forbear is the top-level project):
#   include/forbear/*.hpp + version.hpp   the C++ API
#   include/forbear.h                     the C API (FORBEAR_BUILD_C_API)
#   lib/libforbear.so, libforbear.a       forbear::forbear (shared), forbear::forbear_static
#   lib/libforbear_c.so                   forbear::forbear_c (the C API)
#   bin/forbear                           the command (FORBEAR_BUILD_CLI)
#   share/forbear/rules/                  the shipped knowledge base, the command's default
#   lib/cmake/forbear/                    forbearConfig.cmake, its version file and targets
#   lib/pkgconfig/forbear.pc, forbear-c.pc
# Everything is relative to the prefix, so `cmake --install build --prefix DIR` works anywhere.

include(CMakePackageConfigHelpers)

set(FORBEAR_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/forbear)
set(FORBEAR_PKGCONFIG_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/forbear ${PROJECT_BINARY_DIR}/include/forbear
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development
        FILES_MATCHING PATTERN "*.hpp")

set(FORBEAR_INSTALLED_TARGETS forbear forbear_shared)
if(TARGET forbear_c)
  list(APPEND FORBEAR_INSTALLED_TARGETS forbear_c)
endif()
install(TARGETS ${FORBEAR_INSTALLED_TARGETS} EXPORT forbearTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
        PUBLIC_HEADER DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development)
if(TARGET forbear_cli)
  install(TARGETS forbear_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/forbear/rules COMPONENT runtime)

install(EXPORT forbearTargets NAMESPACE forbear:: DESTINATION ${FORBEAR_CMAKE_DIR} COMPONENT development)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/forbearConfig.cmake.in
  ${PROJECT_BINARY_DIR}/forbearConfig.cmake INSTALL_DESTINATION ${FORBEAR_CMAKE_DIR}
  PATH_VARS CMAKE_INSTALL_DATADIR)
# 0.x: a minor release may break the API, so only the same major.minor is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/forbearConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/forbearConfig.cmake ${PROJECT_BINARY_DIR}/forbearConfigVersion.cmake
        DESTINATION ${FORBEAR_CMAKE_DIR} COMPONENT development)

# pkg-config files find the prefix from their own location (${pcfiledir}), like the CMake package.
file(RELATIVE_PATH FORBEAR_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" FORBEAR_PC_TO_PREFIX "${FORBEAR_PC_TO_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/forbear.pc.in ${PROJECT_BINARY_DIR}/forbear.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/forbear.pc DESTINATION ${FORBEAR_PKGCONFIG_DIR} COMPONENT development)
if(TARGET forbear_c)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/forbear-c.pc.in ${PROJECT_BINARY_DIR}/forbear-c.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/forbear-c.pc DESTINATION ${FORBEAR_PKGCONFIG_DIR} COMPONENT development)
endif()
