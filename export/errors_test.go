package export

import (
	"bytes"
	"errors"
	"testing"

	"jixiao/model"
)

// errWriter fails every write with its error, as a full disk would.
type errWriter struct{ err error }

func (w errWriter) Write([]byte) (int, error) { return 0, w.err }

// A write that fails underneath is model.EIO and keeps the writer's error,
// so the window can tell a full disk from a bug of ours.
func TestWriteErrorsKeepTheirCause(t *testing.T) {
	disk := errors.New("no space left on device")
	f := model.Sample()
	for _, tc := range []struct {
		name  string
		write func() error
	}{
		{"xlsx", func() error { return WriteXLSX(errWriter{disk}, f) }},
		{"pdf", func() error { _, err := WritePDF(errWriter{disk}, f); return err }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.write()
			if !errors.Is(err, disk) || model.ErrorCode(err) != model.EIO {
				t.Fatalf("err = %v (code %q), want EIO wrapping the writer's error", err, model.ErrorCode(err))
			}
		})
	}
	if err := WriteXLSX(&bytes.Buffer{}, nil); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("nil form: %v (code %q)", err, model.ErrorCode(err))
	}
}
