# Locates the LibreOffice SDK and program folders and provides:
#   LibreOffice::UNO                 imported interface target (headers, defines, libraries)
#   leadplan_uno_types(PREFIX IDL RDB HEADERS)  the type library RDB from one .idl (target
#       PREFIX_rdb) and the C++ UNO headers for it in HEADERS (target PREFIX_uno_headers)
#   leadplan_unoidl_write(OUT IDL)   custom command building a type library from one .idl
#   leadplan_cppumaker(TARGET DIR RDB...)  custom target generating the C++ UNO headers
# The defaults are Debian's paths; point the two cache variables elsewhere for another
# installation (e.g. /opt/libreoffice7.6/sdk and /opt/libreoffice7.6/program).
include_guard(GLOBAL)

set(LEADPLAN_LO_SDK_DIR "/usr/lib/libreoffice/sdk" CACHE PATH
    "LibreOffice SDK folder (holds bin/cppumaker, bin/unoidl-write, include/, lib/)")
set(LEADPLAN_LO_PROGRAM_DIR "/usr/lib/libreoffice/program" CACHE PATH
    "LibreOffice program folder (holds types.rdb, types/offapi.rdb and the URE libraries)")

find_program(LEADPLAN_UNOIDL_WRITE unoidl-write
             PATHS "${LEADPLAN_LO_SDK_DIR}/bin" NO_DEFAULT_PATH REQUIRED)
find_program(LEADPLAN_CPPUMAKER cppumaker
             PATHS "${LEADPLAN_LO_SDK_DIR}/bin" NO_DEFAULT_PATH REQUIRED)
find_file(LEADPLAN_LO_TYPES_RDB types.rdb
          PATHS "${LEADPLAN_LO_PROGRAM_DIR}" "${LEADPLAN_LO_PROGRAM_DIR}/../ure/share/misc"
          NO_DEFAULT_PATH REQUIRED)
find_file(LEADPLAN_LO_OFFAPI_RDB offapi.rdb
          PATHS "${LEADPLAN_LO_PROGRAM_DIR}/types" NO_DEFAULT_PATH REQUIRED)
find_path(LEADPLAN_LO_INCLUDE_DIR cppuhelper/implbase1.hxx
          PATHS "${LEADPLAN_LO_SDK_DIR}/include" NO_DEFAULT_PATH REQUIRED)

set(_leadplan_uno_libs)
foreach(_lib uno_cppuhelpergcc3 uno_cppu uno_sal)
  find_library(LEADPLAN_LO_LIB_${_lib} ${_lib}
               PATHS "${LEADPLAN_LO_SDK_DIR}/lib" "${LEADPLAN_LO_PROGRAM_DIR}"
               NO_DEFAULT_PATH REQUIRED)
  list(APPEND _leadplan_uno_libs "${LEADPLAN_LO_LIB_${_lib}}")
endforeach()

if(NOT TARGET LibreOffice::UNO)
  # GLOBAL: include_guard makes the first includer's directory the only one that runs
  # this, so the target must be visible from every other directory (bench/, tests/).
  add_library(LibreOffice::UNO INTERFACE IMPORTED GLOBAL)
  # SYSTEM: the SDK headers are not ours to keep warning-free.
  set_target_properties(LibreOffice::UNO PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${LEADPLAN_LO_INCLUDE_DIR}"
    INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${LEADPLAN_LO_INCLUDE_DIR}"
    INTERFACE_COMPILE_DEFINITIONS "UNX;GCC;LINUX;CPPU_ENV=gcc3"
    INTERFACE_LINK_LIBRARIES "${_leadplan_uno_libs}")
endif()

# Builds the type library OUT (absolute path) from IDL; unoidl-write resolves the
# referenced com.sun.star types from the office's own type libraries.
function(leadplan_unoidl_write OUT IDL)
  add_custom_command(
    OUTPUT "${OUT}"
    COMMAND "${LEADPLAN_UNOIDL_WRITE}" "${LEADPLAN_LO_TYPES_RDB}" "${LEADPLAN_LO_OFFAPI_RDB}"
            "${IDL}" "${OUT}"
    DEPENDS "${IDL}"
    COMMENT "unoidl-write ${IDL}"
    VERBATIM)
endfunction()

# Generates the C++ headers of every type in the office's type libraries plus RDBs into
# DIR (the SDK does not ship com/sun/star/... headers). -C makes the type functions
# comprehensive, so member names are available through typelib without a type manager
# (the in-process tests rely on that). cppumaker needs absolute paths.
function(leadplan_cppumaker TARGET DIR)
  set(_rdbs ${ARGN})
  set(_stamp "${DIR}.stamp")
  add_custom_command(
    OUTPUT "${_stamp}"
    COMMAND "${CMAKE_COMMAND}" -E rm -rf "${DIR}"
    COMMAND "${LEADPLAN_CPPUMAKER}" -C "-O${DIR}"
            "${LEADPLAN_LO_TYPES_RDB}" "${LEADPLAN_LO_OFFAPI_RDB}" ${_rdbs}
    COMMAND "${CMAKE_COMMAND}" -E touch "${_stamp}"
    DEPENDS ${_rdbs} "${LEADPLAN_LO_TYPES_RDB}" "${LEADPLAN_LO_OFFAPI_RDB}"
    COMMENT "cppumaker: C++ UNO headers into ${DIR}"
    VERBATIM)
  add_custom_target(${TARGET} DEPENDS "${_stamp}")
endfunction()

function(leadplan_uno_types PREFIX IDL RDB HEADERS)
  leadplan_unoidl_write("${RDB}" "${IDL}")
  add_custom_target(${PREFIX}_rdb DEPENDS "${RDB}")
  leadplan_cppumaker(${PREFIX}_uno_headers "${HEADERS}" "${RDB}")
  # One target owns the unoidl-write rule; the others wait for it instead of racing it.
  add_dependencies(${PREFIX}_uno_headers ${PREFIX}_rdb)
endfunction()
