package export

import (
	"errors"

	"jixiao/model"
)

func importXLSX(name string, data []byte) (*model.Form, *ImportReport, error) {
	return nil, nil, errors.New("Excel 导入尚未完成")
}
