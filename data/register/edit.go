package register

import (
	"context"
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// EditFields changes several fields of one project as one person's edit:
// one batch, one undo. version guards the whole edit as in Edit; fields are
// written in the order given.
func (r *Register) EditFields(ctx context.Context, code string, version int64, keys []model.FieldKey, values map[model.FieldKey]string) (int64, error) {
	p, err := r.Project(ctx, code)
	if err != nil {
		return 0, err
	}
	if version == 0 {
		version = p.Version
	}
	return r.Write(ctx, Batch{Kind: KindEdit}, func(tx *Tx) error {
		for i, k := range keys {
			expect := int64(0)
			if i == 0 {
				expect = version // the first change moves the version on
			}
			if err := tx.SetField(p.ID, expect, k, values[k], Provenance{Raw: "edit"}); err != nil {
				return err
			}
		}
		return tx.checkProject(p.ID)
	})
}

var msgCodeAndName = msg.Define("register.code_and_name",
	"새 사업에는 코드와 사업명이 있어야 합니다.",
	"a new project needs a code and a name.")

// Create adds a project typed in by a person.
func (r *Register) Create(ctx context.Context, p *model.Project) (int64, error) {
	if strings.TrimSpace(p.Code) == "" || strings.TrimSpace(p.Name) == "" {
		return 0, msg.Errorf(msg.Where{File: r.path}, msgCodeAndName)
	}
	return r.Write(ctx, Batch{Kind: KindCreate}, func(tx *Tx) error {
		id, err := tx.InsertProject(p)
		if err != nil {
			return err
		}
		return tx.checkProject(id)
	})
}

// SetDeleted soft-deletes (or restores) a project: it leaves lists and
// reports but keeps its history, and can be brought back.
func (r *Register) SetDeleted(ctx context.Context, code string, deleted bool) (int64, error) {
	p, err := r.Project(ctx, code)
	if err != nil {
		return 0, err
	}
	return r.Write(ctx, Batch{Kind: KindDelete}, func(tx *Tx) error {
		return tx.SetDeleted(p.ID, deleted)
	})
}
