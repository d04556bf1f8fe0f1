package register

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// auditedTables are written only inside a batch. For each, triggers record
// the SQL that reverses every insert, update and delete in undo_log, so undo
// is one mechanism for imports, edits, decisions and undos themselves.
var auditedTables = map[string][]string{
	"projects":      append(append([]string{}, projectColumns...), "version", "updated_at"),
	"aliases":       {"project_id", "alias", "norm", "city"},
	"contacts":      {"project_id", "city", "department", "officer", "phone"},
	"provenance":    {"project_id", "field", "batch_id", "file", "sheet", "cell", "city", "as_of", "raw"},
	"observations":  {"project_id", "city", "field", "value", "precision", "raw", "file", "sheet", "cell", "as_of", "batch_id"},
	"conflicts":     {"project_id", "field", "status", "lead_city", "values_json", "decision", "decided_value", "decided_by", "decided_at", "batch_id"},
	"field_schemes": {"plan_year", "position", "field", "work_group"},
	"plan_years":    {"plan_year", "projects", "continuing", "new"},
	"rounds":        {"name", "plan_year", "as_of", "due", "work_groups", "status", "created_at", "closed_at", "batch_id", "closed_batch"},
	"round_issues":  {"round_id", "city", "file", "sha256", "at", "batch_id"},
}

// auditedSince is the schema version that creates an audited table; a table
// not named here came with version 1. A migration can only put triggers on
// the tables that exist by then.
var auditedSince = map[string]int{"rounds": 2, "round_issues": 2}

const batchNow = `(SELECT id FROM current_batch)`

// auditTriggers returns the undo triggers of the audited tables schema
// version v creates, and with version 1 the history triggers.
func auditTriggers(v int) []string {
	var out []string
	for _, table := range slices.Sorted(maps.Keys(auditedTables)) {
		if max(1, auditedSince[table]) == v {
			out = append(out, tableTriggers(table, auditedTables[table])...)
		}
	}
	if v != 1 {
		return out
	}
	// history: a readable row per changed project field.
	var hist []string
	for _, c := range projectColumns {
		hist = append(hist, fmt.Sprintf(
			`INSERT INTO history(batch_id, project_id, field, old, new) SELECT %s, NEW.id, '%s', OLD.%s, NEW.%s WHERE OLD.%s IS NOT NEW.%s;`,
			batchNow, c, c, c, c, c))
	}
	out = append(out,
		`CREATE TRIGGER projects_history_au AFTER UPDATE ON projects WHEN `+batchNow+` IS NOT NULL BEGIN `+strings.Join(hist, "\n")+` END`,
		`CREATE TRIGGER projects_history_ai AFTER INSERT ON projects WHEN `+batchNow+` IS NOT NULL BEGIN
			INSERT INTO history(batch_id, project_id, field, old, new) VALUES (`+batchNow+`, NEW.id, 'created', NULL, NEW.code); END`,
	)
	return out
}

// tableTriggers are the undo triggers of one audited table with columns
// cols. A migration that adds a column to an audited table drops the
// table's triggers and makes them again with the new list
// (dropTableTriggers), or undo would not restore the new column.
func tableTriggers(table string, cols []string) []string {
	quoted := func(prefix string) string {
		parts := make([]string, len(cols))
		for i, c := range cols {
			parts[i] = fmt.Sprintf("quote(%s.%s)", prefix, c)
		}
		return strings.Join(parts, " || ',' || ")
	}
	var sets []string
	for _, c := range cols {
		sets = append(sets, fmt.Sprintf("'%s=' || quote(OLD.%s)", c, c))
	}
	guard := fmt.Sprintf(`SELECT RAISE(ABORT, 'write to %s outside a batch') WHERE %s IS NULL;`, table, batchNow)
	return []string{
		fmt.Sprintf(`CREATE TRIGGER %s_ai AFTER INSERT ON %s BEGIN %s
				INSERT INTO undo_log(batch_id, stmt) VALUES (%s, 'DELETE FROM %s WHERE rowid=' || NEW.rowid); END`,
			table, table, guard, batchNow, table),
		fmt.Sprintf(`CREATE TRIGGER %s_au AFTER UPDATE ON %s BEGIN %s
				INSERT INTO undo_log(batch_id, stmt) VALUES (%s, 'UPDATE %s SET ' || %s || ' WHERE rowid=' || OLD.rowid); END`,
			table, table, guard, batchNow, table, strings.Join(sets, " || ',' || ")),
		fmt.Sprintf(`CREATE TRIGGER %s_ad AFTER DELETE ON %s BEGIN %s
				INSERT INTO undo_log(batch_id, stmt) VALUES (%s, 'INSERT INTO %s(rowid,%s) VALUES (' || OLD.rowid || ',' || %s || ')'); END`,
			table, table, guard, batchNow, table, strings.Join(cols, ","), quoted("OLD")),
	}
}

// dropTableTriggers removes a table's undo triggers (see tableTriggers).
func dropTableTriggers(table string) []string {
	return []string{"DROP TRIGGER " + table + "_ai", "DROP TRIGGER " + table + "_au", "DROP TRIGGER " + table + "_ad"}
}
