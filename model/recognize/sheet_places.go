package recognize

import (
	"fmt"
	"strings"

	"jixiao/model"
)

// Where each part of an imported form was read from, in the file's own
// terms (a worksheet's cell, a Word table's row and cell, a PDF's page
// and row), so that a finding of 审核 can be sent back to the unit that
// filled the file as a place it finds in that file (批量审核, see
// docs/batch.md). Every reader comes through parseSheet, which records
// the places as it reads; a file read through its hidden data gets the
// places of its visible sheet (remapPlaces).

// Place is one place in an imported file.
type Place struct {
	Sheet string // the worksheet (.xlsx, .xls, .et); "" for Word and PDF
	Cell  string // its cell, e.g. C12; "" for Word and PDF
	Row   int    // the worksheet's row, 1-based; 0 for Word and PDF
	// Text names the place as the import report does: Sheet1!C12,
	// 第4页第20行, 第 1 个表格第 3 行第 2 格.
	Text string
	// Column is the header of the cell's column in the file (合计,
	// 其中：财政资金, 三级指标), "" outside a table.
	Column string
}

// Describe names the place for a clerk who opens the file: 工作表“申报表”
// C12 单元格（第12行）, 第4页第20行, 第 1 个表格第 3 行第 2 格.
func (p Place) Describe() string {
	if p.Sheet != "" && p.Cell != "" {
		return fmt.Sprintf("工作表“%s”%s 单元格（第%d行）", p.Sheet, p.Cell, p.Row)
	}
	return p.Text
}

// placeAt is grid cell (r, c) as a Place; a cell covered by a merged range
// is named by the range's top-left cell, the one the clerk clicks.
func (g *SheetGrid) placeAt(r, c int) Place {
	r, c = g.origin(r, max(c, 0))
	if g.Place != nil {
		return Place{Text: g.Place(r, c)}
	}
	a := cellName(c+1, r+1)
	return Place{Sheet: g.Name, Cell: a, Row: r + 1, Text: g.Name + "!" + a}
}

// record notes that loc was read from grid cell (r, c); the first record
// of a location wins (a unit's name is where the unit starts).
func (g *SheetGrid) record(rep *ImportReport, loc model.Location, r, c int) {
	if rep == nil || r < 0 || c < 0 {
		return
	}
	if rep.Places == nil {
		rep.Places = map[model.Location]Place{}
	}
	if _, ok := rep.Places[loc]; !ok {
		rep.Places[loc] = g.placeAt(r, c)
	}
}

// recordRow records a row of a part: the row itself (Field "") at its
// first column with content, and each field at its column (fields whose
// column the sheet does not have, c < 0, are left out).
func (g *SheetGrid) recordRow(rep *ImportReport, part model.Part, unit, row, r int, cols map[model.Field]int, head func(c int) string) {
	first := -1
	for fld, c := range cols {
		if c < 0 {
			continue
		}
		loc := model.Location{Part: part, Unit: unit, Row: row, Field: fld}
		g.record(rep, loc, r, c)
		if p := rep.Places[loc]; p.Column == "" && head != nil {
			p.Column = head(c)
			rep.Places[loc] = p
		}
		if strings.TrimSpace(g.at(r, c)) != "" && (first < 0 || c < first) {
			first = c
		}
	}
	if first < 0 {
		for _, c := range cols {
			if c >= 0 && (first < 0 || c < first) {
				first = c
			}
		}
	}
	g.record(rep, model.Location{Part: part, Unit: unit, Row: row}, r, first)
}

// partOf is the form's part a block holds.
func partOf(k blockKind) model.Part {
	switch k {
	case blockGoals:
		return model.PartGoals
	case blockTasks:
		return model.PartTasks
	case blockIndicators:
		return model.PartIndicators
	case blockFunds:
		return model.PartFunds
	case blockDuties:
		return model.PartDuties
	}
	return model.PartBasic
}

// PlaceOf is where loc was read from: loc itself, else its row, else its
// unit (a task's unit), else its part's heading; exact says whether it is
// loc itself. ok is false when the file has no place for it (a JSON file,
// or a field the form computes, such as a unit's 小计).
func (r *ImportReport) PlaceOf(loc model.Location) (p Place, exact, ok bool) {
	if r == nil || len(r.Places) == 0 {
		return Place{}, false, false
	}
	if loc.Field != model.FieldInput {
		loc.Input = ""
	}
	if p, ok := r.Places[loc]; ok {
		return p, true, true
	}
	tries := []model.Location{
		{Part: loc.Part, Unit: loc.Unit, Row: loc.Row},
		{Part: loc.Part, Unit: loc.Unit, Row: -1, Field: model.FieldUnitName},
		{Part: loc.Part, Unit: -1, Row: -1},
	}
	if loc.Part == model.PartFunds {
		tries[1] = model.Location{Part: loc.Part, Unit: -1, Row: -1}
	}
	for _, t := range tries {
		if p, ok := r.Places[t]; ok {
			return p, false, true
		}
	}
	return Place{}, false, false
}

// RemapPlaces turns the places of the visible sheet's form v into places
// of the hidden data's form h, whose visibleKey is the same: the rows the
// sheet does not show (a blank task or indicator, skipped on reading, see
// visibleKey) are in h only, so indexes are matched over the rows shown.
func RemapPlaces(v, h *model.Form, places map[model.Location]Place) map[model.Location]Place {
	if places == nil {
		return nil
	}
	taskMap := make([][]int, len(h.Units)) // [unit][h row] -> v row, -1
	for u := range h.Units {
		vr := 0
		taskMap[u] = make([]int, len(h.Units[u].Tasks))
		for i, t := range h.Units[u].Tasks {
			taskMap[u][i] = -1
			if !BlankTask(t) {
				taskMap[u][i] = vr
				vr++
			}
		}
	}
	indMap := make([]int, len(h.Indicators))
	vr := 0
	for i, in := range h.Indicators {
		indMap[i] = -1
		if !BlankIndicator(h, in) {
			indMap[i] = vr
			vr++
		}
	}
	out := make(map[model.Location]Place, len(places))
	for loc, p := range places {
		switch loc.Part {
		case model.PartTasks:
			if loc.Row < 0 || loc.Unit < 0 {
				out[loc] = p
			}
		case model.PartIndicators:
			if loc.Row < 0 {
				out[loc] = p
			}
		default:
			out[loc] = p
		}
	}
	byTask := map[[2]int][]model.Location{}
	for loc := range places {
		if loc.Part == model.PartTasks && loc.Unit >= 0 && loc.Row >= 0 {
			k := [2]int{loc.Unit, loc.Row}
			byTask[k] = append(byTask[k], loc)
		}
	}
	for u, rows := range taskMap {
		for hr, vr := range rows {
			if vr < 0 {
				continue
			}
			for _, loc := range byTask[[2]int{u, vr}] {
				p := places[loc]
				loc.Row = hr
				out[loc] = p
			}
		}
	}
	byRow := map[int][]model.Location{}
	for loc := range places {
		if loc.Part == model.PartIndicators && loc.Row >= 0 {
			byRow[loc.Row] = append(byRow[loc.Row], loc)
		}
	}
	for hr, vr := range indMap {
		if vr < 0 {
			continue
		}
		for _, loc := range byRow[vr] {
			p := places[loc]
			loc.Row = hr
			out[loc] = p
		}
	}
	return out
}

// basicLoc is a 基本信息 field's location.
func basicLoc(f model.Field) model.Location {
	return model.Location{Part: model.PartBasic, Unit: -1, Row: -1, Field: f}
}

// recordGoal records goal i, read from cell (r, c).
func (g *SheetGrid) recordGoal(rep *ImportReport, i, r, c int) {
	g.record(rep, model.Location{Part: model.PartGoals, Unit: -1, Row: i, Field: model.FieldGoalText}, r, c)
	g.record(rep, model.Location{Part: model.PartGoals, Unit: -1, Row: i}, r, c)
}

// recordUnit records unit u's name, read from cell (r, c).
func (g *SheetGrid) recordUnit(rep *ImportReport, u, r, c int) {
	g.record(rep, model.Location{Part: model.PartTasks, Unit: u, Row: -1, Field: model.FieldUnitName}, r, c)
	g.record(rep, model.Location{Part: model.PartTasks, Unit: u, Row: -1}, r, c)
}

// headOf is the header of column c of a table whose header rows are
// from, from+1 … to-1: the lowest non-empty one (合计 under 预算资金).
func (g *SheetGrid) headOf(from, to int) func(c int) string {
	return func(c int) string {
		for r := to - 1; r >= from; r-- {
			if v := strings.Join(strings.Fields(g.at(r, c)), ""); v != "" {
				return v
			}
		}
		return ""
	}
}
