# The example workbooks as .ods and as templates inside leadplan.oxt (issue 4).
# Included from packaging/CMakeLists.txt, so the .ots files are outputs of this directory
# and the .oxt rule depends on them file by file.
#
# Building them runs a headless Calc with the add-in (examples/build_templates.py), which
# recalculates the workbooks and fails the build if any cell shows an error.

set(LEADPLAN_PYTHON /usr/bin/python3 CACHE FILEPATH "Python 3 with the UNO bridge (python3-uno)")
set(LEADPLAN_WORKBOOKS_DIR ${CMAKE_CURRENT_BINARY_DIR}/workbooks)

set(_workbook_sources)
set(_workbook_outputs)
foreach(_lang en nl)
  list(APPEND _workbook_sources ${PROJECT_SOURCE_DIR}/examples/leadplan-${_lang}.fods)
  list(APPEND _workbook_outputs ${LEADPLAN_WORKBOOKS_DIR}/leadplan-${_lang}.ods
                                ${LEADPLAN_WORKBOOKS_DIR}/leadplan-${_lang}.ots)
endforeach()

add_custom_command(
  OUTPUT ${_workbook_outputs}
  COMMAND ${CMAKE_COMMAND} -E env PYTHONDONTWRITEBYTECODE=1
          ${LEADPLAN_PYTHON} ${PROJECT_SOURCE_DIR}/examples/build_templates.py
          --outdir ${LEADPLAN_WORKBOOKS_DIR} --rdb ${_rdb} --components ${_components}
          --library $<TARGET_FILE:leadplan_addin> ${_workbook_sources}
  DEPENDS ${_workbook_sources} ${PROJECT_SOURCE_DIR}/examples/build_templates.py
          ${PROJECT_SOURCE_DIR}/examples/plan.py ${PROJECT_SOURCE_DIR}/scripts/lpcalc.py
          ${_rdb} ${_components} leadplan_addin
  COMMENT "Recalculating the example workbooks in headless Calc: .ods and .ots"
  VERBATIM)
add_custom_target(workbooks DEPENDS ${_workbook_outputs})

leadplan_oxt_file(${PROJECT_SOURCE_DIR}/examples/templates.xcu templates.xcu
                  MANIFEST configuration-data)
foreach(_lang en nl)
  leadplan_oxt_file(${LEADPLAN_WORKBOOKS_DIR}/leadplan-${_lang}.ots
                    template/LeadPlan/leadplan-${_lang}.ots)
endforeach()

# The committed .fods are the generator's output: fail when they drift apart.
add_test(NAME workbooks_fresh
         COMMAND ${LEADPLAN_PYTHON} ${PROJECT_SOURCE_DIR}/examples/generate_workbooks.py --check)
set_tests_properties(workbooks_fresh PROPERTIES TIMEOUT 60 LABELS "e2e"
                     ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")

# The README's pictures (docs/example-en-{plan,team,marketing,time,months}.png): the English workbook
# recalculated with the built .oxt, exported as PDF one page per sheet, one PNG per page.
# Run by hand when the workbook changes (`cmake --build build --target pictures`) and
# commit the PNGs; not part of ALL, as it rewrites files in the source tree.
add_custom_target(pictures
  COMMAND ${CMAKE_COMMAND} -E env PYTHONDONTWRITEBYTECODE=1
          ${LEADPLAN_PYTHON} ${PROJECT_SOURCE_DIR}/examples/plan.py --oxt ${LEADPLAN_OXT}
          --lang en --pictures ${PROJECT_SOURCE_DIR}/docs
  COMMENT "Rendering docs/example-en-*.png from the example workbook in headless Calc"
  VERBATIM)
add_dependencies(pictures oxt)

# docs/names.md lists every LP_ name (a promise) in ledger order; generated from the
# workbook generator by scripts/lpnames.py: fail when they drift apart.
add_test(NAME names_doc_fresh
         COMMAND ${LEADPLAN_PYTHON} ${PROJECT_SOURCE_DIR}/scripts/lpnames.py --check)
set_tests_properties(names_doc_fresh PROPERTIES TIMEOUT 60 LABELS "e2e"
                     ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
