# Sourced by test/run: the mutants (test/mutants/run), deliberate defects that the value tests
# must catch. CI runs the quick subset; `test/run --all` and `test/run --mutants` run every mutant.
if [ "$run_all" = true ]; then
  STEPS+=("mutants|test/mutants/run")
else
  STEPS+=("mutants|test/mutants/run --quick")
fi
