package main

func cmdExport(e *env, args []string) error   { return usageError{"export: not built yet"} }
func cmdTemplate(e *env, args []string) error { return usageError{"template: not built yet"} }
func cmdLoadSample(e *env, args []string) error {
	return usageError{"load-sample: not built yet"}
}
