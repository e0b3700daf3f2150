#pragma once

/// Umbrella header: everything a host application needs.
#include "forbear/advice.hpp"
#include "forbear/audit_log.hpp"
#include "forbear/case.hpp"
#include "forbear/decimal.hpp"
#include "forbear/diagnostic.hpp"
#include "forbear/engine.hpp"
#include "forbear/evaluator.hpp"
#include "forbear/explain.hpp"
#include "forbear/format.hpp"
#include "forbear/limits.hpp"
#include "forbear/live_rule_set.hpp"
#include "forbear/rule_tests.hpp"
#include "forbear/ruleset.hpp"
#include "forbear/trace_writer.hpp"
#include "forbear/value.hpp"
#include "forbear/version.hpp"
