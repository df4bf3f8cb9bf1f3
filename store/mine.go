package store

import "jixiao/model/library"

// UsedIndicators returns every indicator row of every draft not in the
// 回收站, with its draft's id, 部门 and 年度, for 我的指标
// (library.MyIndicators). A draft that cannot be read is skipped and counted
// in skipped, so one damaged draft does not hide the others.
func (s *Store) UsedIndicators() (used []library.UsedIndicator, skipped int, err error) {
	list, err := s.List()
	if err != nil {
		return nil, 0, err
	}
	for _, info := range list {
		f, err := s.Load(info.ID)
		if err != nil {
			skipped++
			continue
		}
		for _, in := range f.Indicators {
			used = append(used, library.UsedIndicator{Draft: info.ID, Dept: f.Dept, Year: f.Year, Indicator: in})
		}
	}
	return used, skipped, nil
}
