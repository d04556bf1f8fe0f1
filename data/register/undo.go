package register

import (
	"context"
	"database/sql"

	"github.com/haeoreum/register/data/msg"
)

// Undo reverses a batch as a new, audited batch (which can itself be undone).
// batchID 0 means the newest batch that is not an undo and not yet undone.
func (r *Register) Undo(ctx context.Context, batchID int64) (Batch, error) {
	where := msg.Where{File: r.path}
	var target Batch
	q := `SELECT id, kind, file, city FROM batches WHERE undone_by IS NULL AND kind != 'undo'`
	var row *sql.Row
	if batchID == 0 {
		row = r.db.QueryRowContext(ctx, q+` ORDER BY id DESC LIMIT 1`)
	} else {
		row = r.db.QueryRowContext(ctx, q+` AND id = ?`, batchID)
	}
	var city string
	if err := row.Scan(&target.ID, &target.Kind, &target.File, &city); err == sql.ErrNoRows {
		return Batch{}, msg.Errorf(where, msgNothingToUndo)
	} else if err != nil {
		return Batch{}, classify(err, where)
	}
	_, err := r.Write(ctx, Batch{Kind: KindUndo, Undoes: target.ID, File: target.File}, func(tx *Tx) error {
		// A later batch may have changed the same rows; undoing this one
		// would silently overwrite that, so refuse unless it is undone first.
		var later int
		if err := tx.tx.QueryRowContext(ctx, `SELECT count(*) FROM batches WHERE id > ? AND undone_by IS NULL
			AND kind != 'undo' AND id != ?`, target.ID, tx.batch).Scan(&later); err != nil {
			return err
		}
		if later > 0 {
			return msg.Errorf(where, msgUndoOrder, target.ID)
		}
		rows, err := tx.tx.QueryContext(ctx, `SELECT stmt FROM undo_log WHERE batch_id = ? ORDER BY seq DESC`, target.ID)
		if err != nil {
			return err
		}
		var stmts []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return err
			}
			stmts = append(stmts, s)
		}
		rows.Close()
		for _, s := range stmts {
			if err := tx.exec(s); err != nil {
				return err
			}
		}
		return tx.exec(`UPDATE batches SET undone_by = ? WHERE id = ?`, tx.batch, target.ID)
	})
	if err != nil {
		return Batch{}, err
	}
	return target, nil
}

var msgUndoOrder = msg.Define("register.undo_order",
	"작업 %d 이후에 다른 변경이 있어 먼저 그 변경을 되돌려야 합니다.",
	"later changes were made after batch %d; undo those first.")
