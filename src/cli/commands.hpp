#pragma once

// One function per command; each returns the process exit status (see common.hpp).

#include "cli/arguments.hpp"

namespace forbear::cli {

/// forbear advise: the advice on one case, optionally with why-not and what-if.
int run_advise(const Arguments& args);
/// forbear check: diagnostics and a summary of the rule set.
int run_check(const Arguments& args);
/// forbear graph: the decision graph as DOT or SVG, or what a fact influences.
int run_graph(const Arguments& args);
/// forbear test: runs rule tests and reports failures and coverage.
int run_test(const Arguments& args);
/// forbear fmt: canonical formatting of rule files.
int run_fmt(const Arguments& args);
/// forbear batch: one line of advice (or of errors) for each line of cases on standard input.
int run_batch(const Arguments& args);
/// forbear replay: advises again on an audit log's records and reports those that differ.
int run_replay(const Arguments& args);

}  // namespace forbear::cli
