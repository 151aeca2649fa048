# lanchat_add_test(<name> [GUI] SOURCES <files…> LIBS <targets…> [LABELS <labels…>])
#
# One Qt Test executable per unit. GUI tests run on the offscreen platform so that no display is
# needed. Every test gets a private XDG_RUNTIME_DIR/HOME-free environment so settings written by
# the code under test never touch the developer's own. QT_NO_THREADED_GLIB=1 gives hub threads the
# event dispatcher the lanchat executable gives them (app/startup.h).
function(lanchat_add_test name)
    cmake_parse_arguments(T "GUI" "" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    set(env "QT_LOGGING_RULES=lanchat.*.debug=false"
            "QT_NO_THREADED_GLIB=1"
            "XDG_RUNTIME_DIR=${CMAKE_CURRENT_BINARY_DIR}/xdg-runtime"
            "XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/xdg-config-${name}"
            "ASAN_OPTIONS=detect_leaks=1"
            "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp"
            "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
    if(T_GUI)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/xdg-runtime)
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT 120 LABELS "${T_LABELS}")
endfunction()
