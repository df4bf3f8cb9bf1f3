package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// JSONProblem words an error of encoding/json for a clerk: where the
// syntax breaks, which field has a value of the wrong kind, which item the
// program does not know. It is the one translator for every JSON file we
// read (the exchange format in export, 表样 files here); the caller says
// which file and what happens (未导入 …).
func JSONProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("第 %d 个字节附近语法错误", se.Offset)
	case errors.As(err, &te):
		if te.Field == "" {
			return "数据类型不对"
		}
		return fmt.Sprintf("“%s”的值类型不对", te.Field)
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return "有本程序不认识的项 " + strings.TrimPrefix(err.Error(), "json: unknown field ")
	}
	return short(err.Error())
}
