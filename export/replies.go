package export

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"jixiao/model"
)

// The 审核意见 of a batch: each file's reply as a PDF and a workbook, and
// their names.

// ReplyName is the file name of r's 审核意见 with extension ext:
// {file name}_审核意见.ext, safe on every system (SafeFileName).
func ReplyName(r *model.FileReview, ext string) string {
	base := strings.TrimSuffix(r.Name, filepath.Ext(r.Name))
	return SafeFileName(base) + "_审核意见." + strings.TrimPrefix(ext, ".")
}

// ReplyFile is one file of the 审核意见 of a batch: its name (in the
// replies folder) and content.
type ReplyFile struct {
	Name   string
	Data   []byte
	Review *model.FileReview
}

// Replies are the 审核意见 of a batch reviewed at when, PDF then xlsx for
// each file with findings or that could not be read, in the batch's
// order, named by ReplyNames; a file without findings gets none.
func Replies(reviews []*model.FileReview, when time.Time) ([]ReplyFile, error) {
	var out []ReplyFile
	names := ReplyNames(reviews)
	for _, r := range reviews {
		name, ok := names[r]
		if !ok {
			continue
		}
		var pdf, xlsx bytes.Buffer
		if _, err := WriteReplyPDF(&pdf, r, when); err != nil {
			return nil, err
		}
		if err := WriteReplyXLSX(&xlsx, r, when); err != nil {
			return nil, err
		}
		out = append(out, ReplyFile{name + ".pdf", pdf.Bytes(), r}, ReplyFile{name + ".xlsx", xlsx.Bytes(), r})
	}
	return out, nil
}

// ReplyNames are the file names (without extension) of the replies, for
// the files that get one: {file}_审核意见, with （pdf） when two files of
// the batch differ only by their extension, （2）… by their folder.
func ReplyNames(reviews []*model.FileReview) map[*model.FileReview]string {
	out := map[*model.FileReview]string{}
	used := map[string]bool{}
	for _, r := range reviews {
		if !r.Failed() && len(r.Findings) == 0 {
			continue
		}
		name := strings.TrimSuffix(ReplyName(r, "x"), ".x")
		base := strings.TrimSuffix(name, "_审核意见")
		if ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(r.Name)), "."); used[strings.ToLower(name)] && ext != "" {
			name = base + "（" + SafeFileName(ext) + "）_审核意见" // 局机关.xlsx and 局机关.pdf
		}
		for k := 2; used[strings.ToLower(name)]; k++ {
			name = base + fmt.Sprintf("（%d）_审核意见", k)
		}
		used[strings.ToLower(name)] = true
		out[r] = name
	}
	return out
}
